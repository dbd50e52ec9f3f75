package io.dictum.web.security;

import io.dictum.core.access.Actor;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.users.Role;
import io.dictum.core.users.User;
import io.dictum.core.users.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues signed, expiring tokens and reads the acting user back from them. */
@Component
public class TokenService {

    public record IssuedToken(String token, Instant expiresAt) {
    }

    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    public TokenService(JwtEncoder encoder, SecurityProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    /** A token for the user, carrying the user's current token generation (see TokenRevocations). */
    public IssuedToken issue(User user, int generation) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.tokenLifetime());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("dictum")
                .id(UUID.randomUUID().toString())
                .subject(user.id().toString())
                .issuedAt(now)
                .expiresAt(expires)
                .claim("username", user.username())
                .claim("role", user.role().id())
                .claim("name", user.displayName())
                .claim("gen", generation);
        user.contactId().ifPresent(c -> claims.claim("contact", c.toString()));
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return new IssuedToken(token, expires);
    }

    public static Actor actor(Jwt jwt) {
        return new Actor(UserId.parse(jwt.getSubject()), jwt.getClaimAsString("username"),
                Role.fromId(jwt.getClaimAsString("role")),
                Optional.ofNullable(jwt.getClaimAsString("contact")).map(ContactId::parse));
    }
}
