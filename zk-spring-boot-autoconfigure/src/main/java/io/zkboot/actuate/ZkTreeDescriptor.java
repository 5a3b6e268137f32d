package io.zkboot.actuate;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * One node of {@code /actuator/zktree}'s JSON answer.
 *
 * @param name the node's name (empty for the root)
 * @param path the node's path
 * @param type its type (the {@code type} property), or null
 * @param properties its other properties, values shown or masked
 * @param links its symbolic links: name to target path
 * @param propertyLinks its property links: name to {@code path [property]}
 * @param ephemeral whether it is an ephemeral node
 * @param stat its ZooKeeper stat, when asked for
 * @param children its child nodes, sorted by name, down to the asked depth
 */
public record ZkTreeDescriptor(String name, String path, @Nullable Object type, Map<String, Object> properties,
		Map<String, Object> links, Map<String, Object> propertyLinks, boolean ephemeral, @Nullable Map<String, Object> stat,
		List<ZkTreeDescriptor> children) implements OperationResponseBody {
}
