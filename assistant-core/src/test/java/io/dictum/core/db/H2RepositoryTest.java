package io.dictum.core.db;

import java.nio.file.Files;

class H2RepositoryTest extends RepositoryContract {

    @Override
    protected TestDatabase open() throws Exception {
        return TestDatabase.h2(Files.createTempDirectory("dictum-h2-"));
    }
}
