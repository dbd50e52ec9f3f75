package io.dictum.core.deadlines;

import io.dictum.core.db.TestDatabase;
import java.nio.file.Files;

class DeadlineH2RepositoryTest extends DeadlineRepositoryContract {

    @Override
    protected TestDatabase open() throws Exception {
        return TestDatabase.h2(Files.createTempDirectory("dictum-h2-deadlines-"));
    }
}
