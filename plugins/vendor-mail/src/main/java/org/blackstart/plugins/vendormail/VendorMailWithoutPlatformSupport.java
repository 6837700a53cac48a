package org.blackstart.plugins.vendormail;

import java.util.List;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.SingleNodeLease;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.VendorInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Says so when the plugin is enabled with accounts but the platform it runs in has no vendor
 * escalation support (no {@link VendorInbox}, {@link CaseEvidence}, {@link SingleNodeLease} or
 * {@link DeliveryLedger}): the plugin then stays off, and an operator who enabled it must not be left
 * guessing why no case goes out.
 */
@AutoConfiguration(after = VendorMailAutoConfiguration.class)
@ConditionalOnProperty(prefix = "blackstart.plugins.vendor-mail", name = "enabled", havingValue = "true")
@Conditional({AccountsConfigured.class, VendorMailWithoutPlatformSupport.SomethingMissing.class})
public class VendorMailWithoutPlatformSupport {

    private static final Logger LOG = LoggerFactory.getLogger(VendorMailWithoutPlatformSupport.class);
    static final List<Class<?>> NEEDED = List.of(DeliveryLedger.class, CaseEvidence.class, VendorInbox.class,
            SingleNodeLease.class);

    /** What the platform lacks, as a bean, so the reason the plugin is off can be seen in the context. */
    public record Inactive(List<String> missing) {
    }

    @Bean
    Inactive vendorMailInactive(ConfigurableListableBeanFactory beans) {
        List<String> missing = missing(beans);
        LOG.warn("BLACKSTART-VENDORMAIL-003 blackstart.plugins.vendor-mail is enabled, but this platform has no {}: "
                + "the vendor e-mail plugin stays off", String.join(", ", missing));
        return new Inactive(missing);
    }

    static List<String> missing(ConfigurableListableBeanFactory beans) {
        return NEEDED.stream().filter(type -> beans.getBeanNamesForType(type, true, false).length == 0)
                .map(Class::getSimpleName).toList();
    }

    static class SomethingMissing implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getBeanFactory() != null && !missing(context.getBeanFactory()).isEmpty();
        }
    }
}
