package io.dictum.web.cases;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseTeamService;
import io.dictum.core.cases.CaseId;
import io.dictum.core.users.User;
import io.dictum.core.users.UserId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cases/{id}")
class CaseTeamController {

    record Member(UserId userId, String reason) {
    }

    private final CaseTeamService teams;

    CaseTeamController(CaseTeamService teams) {
        this.teams = teams;
    }

    @GetMapping("/team")
    Flux<User> team(Actor actor, @PathVariable CaseId id) {
        return teams.team(actor, id);
    }

    @PostMapping("/team")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<User> addToTeam(Actor actor, @PathVariable CaseId id, @RequestBody Member member) {
        return teams.addToTeam(actor, id, required(member));
    }

    @DeleteMapping("/team/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> removeFromTeam(Actor actor, @PathVariable CaseId id, @PathVariable UserId userId) {
        return teams.removeFromTeam(actor, id, userId);
    }

    @GetMapping("/screens")
    Flux<User> screens(Actor actor, @PathVariable CaseId id) {
        return teams.screens(actor, id);
    }

    @PostMapping("/screens")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<User> screen(Actor actor, @PathVariable CaseId id, @RequestBody Member member) {
        return teams.screen(actor, id, required(member), member.reason());
    }

    private static UserId required(Member member) {
        if (member == null || member.userId() == null) {
            throw new io.dictum.core.errors.InvalidInputException("userId is required");
        }
        return member.userId();
    }
}
