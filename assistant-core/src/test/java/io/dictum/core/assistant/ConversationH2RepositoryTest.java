package io.dictum.core.assistant;

import io.dictum.core.db.TestDatabase;
import java.nio.file.Files;

class ConversationH2RepositoryTest extends ConversationRepositoryContract {

    @Override
    protected TestDatabase open() throws Exception {
        return TestDatabase.h2(Files.createTempDirectory("dictum-conversation-h2-"));
    }
}
