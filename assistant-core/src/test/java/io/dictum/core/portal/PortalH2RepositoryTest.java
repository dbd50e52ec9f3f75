package io.dictum.core.portal;

import io.dictum.core.db.TestDatabase;
import java.nio.file.Files;

class PortalH2RepositoryTest extends PortalRepositoryContract {

    @Override
    protected TestDatabase open() throws Exception {
        return TestDatabase.h2(Files.createTempDirectory("dictum-h2-portal-"));
    }
}
