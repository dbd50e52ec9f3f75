package io.dictum.core.billing;

import io.dictum.core.db.TestDatabase;
import java.nio.file.Files;

class BillingH2RepositoryTest extends BillingRepositoryContract {

    @Override
    protected TestDatabase open() throws Exception {
        return TestDatabase.h2(Files.createTempDirectory("dictum-h2-billing-"));
    }
}
