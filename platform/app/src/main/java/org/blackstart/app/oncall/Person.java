package org.blackstart.app.oncall;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Someone who can be paged. Their id (the key under {@code people}, or the API path) is their Camunda
 * user id, so that Tasklist offers them the pages addressed to them.
 *
 * @param phone E.164: a plus, the country code and the number without spaces, e.g. {@code +31205550101}
 */
// What GET adds is ignored on PUT, so that a script can GET, change a field and PUT the result.
@JsonIgnoreProperties({"id", "source", "configuredAt"})
public record Person(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @NotBlank(message = "is required")
        @Pattern(regexp = Person.E164, message = "must be an E.164 number: + then 8 to 15 digits without spaces, e.g. +31205550101")
        String phone,
        @Email(message = "must be an e-mail address") @Size(max = 320, message = "must be at most 320 characters") String email) {

    static final String E164 = "\\+[1-9][0-9]{7,14}";
}
