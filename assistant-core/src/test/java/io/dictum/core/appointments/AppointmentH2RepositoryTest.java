package io.dictum.core.appointments;

import io.dictum.core.db.TestDatabase;
import java.nio.file.Files;

class AppointmentH2RepositoryTest extends AppointmentRepositoryContract {

    @Override
    protected TestDatabase open() throws Exception {
        return TestDatabase.h2(Files.createTempDirectory("dictum-h2-appointments-"));
    }
}
