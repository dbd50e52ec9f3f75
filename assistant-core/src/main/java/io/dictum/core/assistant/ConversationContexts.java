package io.dictum.core.assistant;

import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * The case each user opened last, the context for their following commands until they open another. Kept in memory
 * of this node: a follow-up that lands on another node falls back to the caseId the client sends.
 */
@Component
public class ConversationContexts {

    private final ConcurrentMap<UserId, CaseId> openCase = new ConcurrentHashMap<>();

    public Optional<CaseId> openCase(UserId user) {
        return user == null ? Optional.empty() : Optional.ofNullable(openCase.get(user));
    }

    public void opened(UserId user, CaseId caseId) {
        if (user != null) {
            openCase.put(user, caseId);
        }
    }
}
