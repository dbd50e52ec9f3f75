package io.dictum.core.imports;

import io.dictum.core.db.TestDatabase;
import java.nio.file.Files;

class ImportH2RepositoryTest extends ImportRepositoryContract {

    @Override
    protected TestDatabase open() throws Exception {
        return TestDatabase.h2(Files.createTempDirectory("dictum-import-h2-"));
    }
}
