package io.dictum.web.uploads;

import java.util.function.Function;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a multipart form and deletes the files its parts were buffered in once the request is done, whatever the
 * outcome. The reader keeps a part larger than its in-memory limit in a file, and nothing else deletes that file for a
 * form taken as a {@code @RequestBody}: every upload would otherwise leave a copy of itself behind.
 */
public final class MultipartForms {

    private MultipartForms() {
    }

    public static <T> Mono<T> using(Mono<MultiValueMap<String, Part>> form,
                                    Function<MultiValueMap<String, Part>, Mono<T>> use) {
        return form.flatMap(parts -> Mono.usingWhen(Mono.just(parts), use, MultipartForms::delete,
                (p, error) -> delete(p), MultipartForms::delete));
    }

    private static Mono<Void> delete(MultiValueMap<String, Part> parts) {
        return Flux.fromIterable(parts.values()).flatMapIterable(list -> list)
                .flatMap(part -> part.delete().onErrorComplete())
                .then();
    }
}
