package io.dictum.core.drafting;

import io.dictum.core.db.TestDatabase;
import java.nio.file.Files;

class TemplateH2RepositoryTest extends TemplateRepositoryContract {

    @Override
    protected TestDatabase open() throws Exception {
        return TestDatabase.h2(Files.createTempDirectory("dictum-h2-templates-"));
    }
}
