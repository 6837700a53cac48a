package org.blackstart.app.paging;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.blackstart.app.oncall.OnCallDirectory;
import org.springframework.beans.factory.ObjectProvider;

/** Created by Spring's validator factory, which hands it the on-call directory. */
class EscalationPolicyValidator implements ConstraintValidator<EscalationPolicyExists, String> {

    private final ObjectProvider<OnCallDirectory> directory;

    EscalationPolicyValidator(ObjectProvider<OnCallDirectory> directory) {
        this.directory = directory;
    }

    @Override
    public boolean isValid(String policy, ConstraintValidatorContext context) {
        if (policy == null || policy.isBlank()) {
            return true;
        }
        OnCallDirectory people = directory.getIfAvailable();
        return people != null && people.plan(policy.strip()).isPresent();
    }
}
