package io.dictum.web.users;

import io.dictum.core.access.Actor;
import io.dictum.core.users.NewUser;
import io.dictum.core.users.User;
import io.dictum.core.users.UserService;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    Flux<User> list(Actor actor) {
        return users.list(actor);
    }

    @PostMapping
    Mono<ResponseEntity<User>> create(Actor actor, @RequestBody NewUser request) {
        return users.create(actor, request)
                .map(u -> ResponseEntity.created(URI.create("/api/v1/users/" + u.id())).body(u));
    }
}
