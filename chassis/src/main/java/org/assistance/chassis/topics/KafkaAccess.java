package org.assistance.chassis.topics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.assistance.chassis.events.Topics;

/**
 * What each service's Kafka user may do, derived from who owns and who consumes each topic
 * ({@link Topics#OWNERS}, {@link Topics#CONSUMED}): write only its own topics, read only what it
 * consumes (in its consumer group, named after the service), write the dead-letter topics of what
 * it consumes, describe every consumer group and consumed topic (to report every group's lag,
 * chassis ConsumerLag), and create (and, for its own topics, configure) the topics it touches, as its
 * {@link TopicProvisioner} does. The test broker, the launcher and the Strimzi KafkaUsers (checked
 * by deploy/manifests) all take their ACLs from here. Every grant is on a literal name. Each
 * service's Kafka user is named after the service, like its consumer group and its event source.
 */
public final class KafkaAccess {
    /** The platform's operator (super user): the launcher's topic and user set-up, tests' own clients. */
    public static final String ADMIN_USER = "admin";

    public static final String MECHANISM = "SCRAM-SHA-512";

    private KafkaAccess() {}

    /** One resource and the operations a service may perform on it (one Strimzi ACL entry). */
    public record Grant(ResourceType type, String name, Set<AclOperation> operations) {}

    public static List<Grant> grants(String service) {
        Map<String, Set<AclOperation>> topics = new LinkedHashMap<>();
        for (String topic : Topics.ownedBy(service)) {
            add(
                    topics,
                    topic,
                    AclOperation.WRITE,
                    AclOperation.DESCRIBE,
                    AclOperation.CREATE,
                    AclOperation.ALTER_CONFIGS,
                    AclOperation.DESCRIBE_CONFIGS);
            add(
                    topics,
                    Topics.deadLetters(topic),
                    AclOperation.DESCRIBE,
                    AclOperation.CREATE,
                    AclOperation.ALTER_CONFIGS,
                    AclOperation.DESCRIBE_CONFIGS);
        }
        for (String topic : Topics.consumedBy(service)) {
            add(topics, topic, AclOperation.READ, AclOperation.DESCRIBE, AclOperation.CREATE);
            add(topics, Topics.deadLetters(topic), AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
        }
        // every service reports every consumer group's lag (chassis ConsumerLag), so that a stopped service's lag is
        // still seen: it may describe every consumed topic (end offsets) and every group (committed offsets), no more
        Topics.SERVICES.forEach(
                group -> Topics.consumedBy(group).forEach(topic -> add(topics, topic, AclOperation.DESCRIBE)));
        List<Grant> grants = new ArrayList<>();
        topics.forEach((name, operations) -> grants.add(new Grant(ResourceType.TOPIC, name, operations)));
        for (String group : Topics.SERVICES) {
            if (group.equals(service) && !Topics.consumedBy(service).isEmpty()) {
                grants.add(
                        new Grant(ResourceType.GROUP, service, EnumSet.of(AclOperation.READ, AclOperation.DESCRIBE)));
            } else if (!Topics.consumedBy(group).isEmpty()) {
                grants.add(new Grant(ResourceType.GROUP, group, EnumSet.of(AclOperation.DESCRIBE)));
            }
        }
        return grants;
    }

    /** The Kafka ACL bindings of one service's user ({@code User:<service>}), all ALLOW from any host. */
    public static List<AclBinding> bindings(String service) {
        List<AclBinding> bindings = new ArrayList<>();
        for (Grant grant : grants(service)) {
            for (AclOperation operation : grant.operations()) {
                bindings.add(new AclBinding(
                        new ResourcePattern(grant.type(), grant.name(), PatternType.LITERAL),
                        new AccessControlEntry("User:" + service, "*", operation, AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    /** Every service's bindings. */
    public static Map<String, List<AclBinding>> bindingsByService() {
        Map<String, List<AclBinding>> all = new LinkedHashMap<>();
        Topics.SERVICES.forEach(service -> all.put(service, bindings(service)));
        return all;
    }

    /** The client JAAS line for a SCRAM user (quotes and backslashes in the password escaped). */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + escape(user)
                + "\" password=\"" + escape(password) + "\";";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void add(Map<String, Set<AclOperation>> topics, String topic, AclOperation... operations) {
        topics.computeIfAbsent(topic, t -> EnumSet.noneOf(AclOperation.class)).addAll(List.of(operations));
    }
}
