package org.blackstart.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryKeyTest {

    @Test
    void sameDeliveryHasTheSameIdWhateverTheCaseOfTheAddress() {
        var a = new DeliveryKey("INC-2026-0001", "initial", "email", "Ann@Example.com");
        var b = new DeliveryKey("INC-2026-0001", "initial", "email", " ann@example.com");

        assertThat(a).isEqualTo(b);
        assertThat(a.id()).isEqualTo(b.id()).hasSize(64);
    }

    @Test
    void everyPartOfTheKeyChangesTheId() {
        var base = new DeliveryKey("INC-2026-0001", "initial", "email", "ann@example.com");

        assertThat(base.id())
                .isNotEqualTo(new DeliveryKey("INC-2026-0002", "initial", "email", "ann@example.com").id())
                .isNotEqualTo(new DeliveryKey("INC-2026-0001", "resolved", "email", "ann@example.com").id())
                .isNotEqualTo(new DeliveryKey("INC-2026-0001", "initial", "sms", "ann@example.com").id())
                .isNotEqualTo(new DeliveryKey("INC-2026-0001", "initial", "email", "bob@example.com").id());
    }
}
