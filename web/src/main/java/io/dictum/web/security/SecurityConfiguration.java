package io.dictum.web.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.dictum.core.DictumProperties;
import io.dictum.core.users.TokenRevocations;
import io.dictum.core.users.UserId;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import reactor.core.publisher.Mono;
import io.dictum.web.problems.Problems;
import io.dictum.web.speech.stream.StreamTokenConverter;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Every request but sign-in, health and the browser UI's static files needs a valid bearer token. Stateless: no
 * session, no cookie, so no CSRF. The speech stream's WebSocket upgrade and the notification stream may carry the
 * token as {@code ?token=} instead (see StreamTokenConverter); calendar feeds are read by their secret URL.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecretKey tokenKey(SecurityProperties security, DictumProperties dictum) {
        return TokenKey.load(security, dictum);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey tokenKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(tokenKey));
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecretKey tokenKey) {
        ReactiveJwtDecoder signed = NimbusReactiveJwtDecoder.withSecretKey(tokenKey).macAlgorithm(MacAlgorithm.HS256)
                .build();
        // a token altered in the spare bits of a part's last character decodes to the same signed bytes: only the
        // token exactly as it was issued is accepted
        return token -> isCanonical(token) ? signed.decode(token)
                : Mono.error(new BadJwtException("the token is not one this server issued"));
    }

    /** Whether each of the token's three parts is base64url exactly as an encoder writes its bytes. */
    static boolean isCanonical(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            for (String part : parts) {
                if (!Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getUrlDecoder().decode(part))
                        .equals(part)) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Signature and expiry first, then the database: a signed-out or revoked token is refused on every node. */
    @Bean
    ReactiveAuthenticationManager tokenAuthentication(ReactiveJwtDecoder decoder, TokenRevocations revocations) {
        JwtReactiveAuthenticationManager signature = new JwtReactiveAuthenticationManager(decoder);
        return authentication -> signature.authenticate(authentication).flatMap(auth -> {
            Jwt jwt = (Jwt) auth.getPrincipal();
            Object generation = jwt.getClaim("gen");
            return revocations.isRevoked(jwt.getId(), UserId.parse(jwt.getSubject()),
                            generation instanceof Number n ? n.intValue() : -1)
                    .flatMap(revoked -> revoked
                            ? Mono.error(new InvalidBearerTokenException("this token was signed out or revoked"))
                            : Mono.just(auth));
        });
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, Problems problems,
                                                  ReactiveAuthenticationManager tokenAuthentication) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // No saved-request redirects in an API: without this every request would create a web session.
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(ex -> ex
                        .pathMatchers(HttpMethod.POST, "/api/v1/auth/login").permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the browser UI's static files; the data they show comes from the API, which stays protected
                        .pathMatchers(HttpMethod.GET, "/", "/index.html", "/app/**").permitAll()
                        // calendar programs cannot sign in: the feed's secret token in the path is the credential
                        .pathMatchers(HttpMethod.GET, "/api/v1/calendar/*.ics").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenConverter(new StreamTokenConverter())
                        .jwt(jwt -> jwt.authenticationManager(tokenAuthentication))
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "Unauthorized", "Sign in first: POST /api/v1/auth/login with your username and"
                                        + " password, then send the token as 'Authorization: Bearer <token>'."
                                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "Forbidden", "Your role does not allow this. Ask an administrator.")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "Unauthorized", "Sign in first: POST /api/v1/auth/login with your username and"
                                        + " password, then send the token as 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "Forbidden", "Your role does not allow this. Ask an administrator.")))
                .build();
    }
}
