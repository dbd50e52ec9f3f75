package io.dictum.core.notifications;

import io.dictum.core.db.TestDatabase;
import java.nio.file.Files;

class DeliveryH2RepositoryTest extends DeliveryRepositoryContract {

    @Override
    protected TestDatabase open() throws Exception {
        return TestDatabase.h2(Files.createTempDirectory("dictum-h2-deliveries-"));
    }
}
