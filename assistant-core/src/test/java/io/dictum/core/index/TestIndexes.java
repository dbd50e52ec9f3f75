package io.dictum.core.index;

import io.dictum.core.FirmCalendar;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.PartyRepository;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.db.TestDatabase;
import io.dictum.core.documents.DocumentRepository;
import io.dictum.core.notes.NoteRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.apache.lucene.store.FSDirectory;

/** A real index in a directory, over a test database, for suites of other packages. */
public final class TestIndexes {

    private TestIndexes() {
    }

    public static IndexService open(Path dir, TestDatabase db) throws IOException {
        return new IndexService(new SearchIndex(FSDirectory.open(dir)), new CaseRepository(db.client),
                new PartyRepository(db.client), new ContactRepository(db.client), new DocumentRepository(db.client),
                new NoteRepository(db.client), new IndexChangeLog(db.client),
                new FirmCalendar(Clock.systemUTC(), ZoneId.of("America/New_York")));
    }
}
