package io.dictum.core.users;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum Role {
    ADMIN, PARTNER, ASSOCIATE, PARALEGAL, STAFF, CLIENT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromId(String id) {
        for (Role r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be one of admin, partner, associate, paralegal, staff,"
                + " client; got '" + id + "'");
    }

    public boolean isFirmMember() {
        return this != CLIENT;
    }
}
