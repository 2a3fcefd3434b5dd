package org.assistance.testsupport;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * The Kafka users of the test broker, as in production: an operator ("admin", super user) for
 * test code, and one SCRAM-SHA-512 user per platform service with the ACLs the chassis derives
 * from who owns and consumes each topic ({@code org.assistance.chassis.topics.KafkaAccess}).
 * Passwords are made up per test JVM.
 */
final class BrokerUsers {
    static final String ADMIN = "admin";
    static final String MECHANISM = "SCRAM-SHA-512";
    static final int ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, List<AclBinding>> acls;

    BrokerUsers() {
        passwords.put(ADMIN, newPassword());
        acls = platformAcls();
        acls.keySet().forEach(service -> passwords.put(service, newPassword()));
    }

    String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException(
                    "No Kafka user '" + user + "' on the test broker (users: " + passwords.keySet() + ")");
        }
        return password;
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** Bootstrap servers and SASL settings of a client logged in as the user. */
    Map<String, String> clientSettings(String bootstrapServers, String user) {
        Map<String, String> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        settings.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password(user)));
        return settings;
    }

    /**
     * Creates each service's SCRAM user and ACLs, logged in as the admin (whose own SCRAM
     * credential the broker already has); retried while that credential reaches the broker.
     */
    void createServiceUsers(String bootstrapServers) {
        Map<String, Object> settings = new HashMap<>(clientSettings(bootstrapServers, ADMIN));
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try (Admin admin = Admin.create(settings)) {
                List<UserScramCredentialAlteration> users = new ArrayList<>();
                acls.keySet()
                        .forEach(service -> users.add(new UserScramCredentialUpsertion(
                                service,
                                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS),
                                password(service))));
                if (!users.isEmpty()) {
                    admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
                    admin.createAcls(
                                    acls.values().stream().flatMap(List::stream).toList())
                            .all()
                            .get(30, TimeUnit.SECONDS);
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (Exception e) {
                if (e instanceof org.apache.kafka.common.config.ConfigException
                        || System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(
                            "Could not create the Kafka users of the services: " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }

    /** Every service's ACLs from the chassis, when it is on the class path (it is for every module but this one). */
    @SuppressWarnings("unchecked")
    private static Map<String, List<AclBinding>> platformAcls() {
        try {
            Class<?> access = Class.forName("org.assistance.chassis.topics.KafkaAccess");
            return (Map<String, List<AclBinding>>)
                    access.getMethod("bindingsByService").invoke(null);
        } catch (ClassNotFoundException e) {
            return Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the platform's Kafka ACLs from the chassis: " + e, e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
