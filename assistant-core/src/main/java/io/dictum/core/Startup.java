package io.dictum.core;

import io.dictum.core.demo.DemoFirm;
import io.dictum.core.index.IndexService;
import io.dictum.core.users.UserService;
import java.time.Duration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs before the web server accepts requests: the first administrator, the demo firm when asked for, and a search
 * index that agrees with the database.
 */
@Component
class Startup implements SmartInitializingSingleton {

    private final DictumProperties properties;
    private final UserService users;
    private final DemoFirm demo;
    private final IndexService index;

    Startup(DictumProperties properties, UserService users, DemoFirm demo, IndexService index) {
        this.properties = properties;
        this.users = users;
        this.demo = demo;
        this.index = index;
    }

    @Override
    public void afterSingletonsInstantiated() {
        users.ensureFirstAdmin(properties.admin(), properties.demo())
                .then(properties.demo() ? demo.loadIfEmpty() : reactor.core.publisher.Mono.empty())
                .then(index.start())
                .block(Duration.ofMinutes(30));
    }
}
