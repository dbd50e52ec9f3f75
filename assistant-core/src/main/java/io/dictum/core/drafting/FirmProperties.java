package io.dictum.core.drafting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The firm as its letters name it, bound from {@code dictum.firm.*} ({@code DICTUM_FIRM_NAME},
 * {@code DICTUM_FIRM_ADDRESS}, ...). The address may span lines ("\n"). Blank values stay missing, so a template
 * that uses them reports them instead of printing nothing.
 */
@ConfigurationProperties("dictum.firm")
public record FirmProperties(String name, String address, String phone, String email) {

    public static final String DEFAULT_NAME = "Hale & Ortiz LLP";

    public FirmProperties {
        name = name == null || name.isBlank() ? DEFAULT_NAME : name.strip();
    }
}
