package org.assistance.chassis.topics;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How this service reaches Kafka and who it is there: the bootstrap servers and the security
 * settings ({@code kafka.security.protocol}, {@code kafka.sasl.mechanism},
 * {@code kafka.sasl.jaas.config}; SmallRye's channels read the same {@code kafka.*} keys). Every
 * Kafka client the chassis or a service builds itself (outbox producer, topic provisioner,
 * reporting's rebuild consumer) starts from these, so none connects without the service's credentials.
 */
@ApplicationScoped
public class KafkaClientSettings {
    private final String bootstrapServers;
    private final String securityProtocol;
    private final Optional<String> saslMechanism;
    private final Optional<String> saslJaasConfig;

    public KafkaClientSettings(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "kafka.security.protocol", defaultValue = "PLAINTEXT") String securityProtocol,
            @ConfigProperty(name = "kafka.sasl.mechanism") Optional<String> saslMechanism,
            @ConfigProperty(name = "kafka.sasl.jaas.config") Optional<String> saslJaasConfig) {
        this.bootstrapServers = bootstrapServers;
        this.securityProtocol = securityProtocol;
        this.saslMechanism = saslMechanism;
        this.saslJaasConfig = saslJaasConfig;
    }

    /** Settings of a client that connects without credentials (tests of code paths that never reach a broker). */
    public static KafkaClientSettings plaintext(String bootstrapServers) {
        return new KafkaClientSettings(bootstrapServers, "PLAINTEXT", Optional.empty(), Optional.empty());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A fresh, modifiable map of the connection and security settings, to add a client's own to. */
    public Map<String, Object> common() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        saslMechanism.ifPresent(m -> settings.put(SaslConfigs.SASL_MECHANISM, m));
        saslJaasConfig.ifPresent(j -> settings.put(SaslConfigs.SASL_JAAS_CONFIG, j));
        return settings;
    }
}
