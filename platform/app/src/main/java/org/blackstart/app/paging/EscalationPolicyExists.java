package org.blackstart.app.paging;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The name of an escalation policy the on-call directory knows; null or blank means "page nobody". */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EscalationPolicyValidator.class)
public @interface EscalationPolicyExists {

    String message() default "is not a known escalation policy";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
