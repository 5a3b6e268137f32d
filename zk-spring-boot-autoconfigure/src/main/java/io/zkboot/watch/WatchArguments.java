package io.zkboot.watch;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.zkboot.core.InvalidNodeDataException;
import org.apache.zookeeper.data.Stat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;

/**
 * Turns a {@link NodeSnapshot} into the arguments of a {@link ZkWatch @ZkWatch} method, one
 * resolver per parameter, chosen from the parameter's type when the method is found.
 */
final class WatchArguments {

	private final List<Function<NodeSnapshot, Object>> resolvers;

	private WatchArguments(List<Function<NodeSnapshot, Object>> resolvers) {
		this.resolvers = resolvers;
	}

	/**
	 * Chooses how to serve each parameter of a method.
	 * @param method the annotated method
	 * @param kind the kind of watch
	 * @param mapper gives the mapper that binds node data to other types, asked on each binding
	 * @return the arguments
	 * @throws IllegalArgumentException naming the parameter that cannot be served
	 */
	static WatchArguments forMethod(Method method, WatchKind kind, Supplier<JsonMapper> mapper) {
		List<Function<NodeSnapshot, Object>> resolvers = new ArrayList<>();
		Parameter[] parameters = method.getParameters();
		for (int i = 0; i < parameters.length; i++) {
			ResolvableType type = ResolvableType.forMethodParameter(method, i);
			resolvers.add((kind == WatchKind.DATA) ? dataResolver(type, mapper, i) : childrenResolver(type, i));
		}
		Class<?> returned = method.getReturnType();
		if (returned != void.class && returned != boolean.class && returned != Boolean.class) {
			throw new IllegalArgumentException(
					"a @ZkWatch method returns void or boolean (false stops the watch), not " + returned.getName());
		}
		return new WatchArguments(List.copyOf(resolvers));
	}

	private static Function<NodeSnapshot, Object> childrenResolver(ResolvableType type, int index) {
		Class<?> raw = type.toClass();
		if (raw == Stat.class) {
			return NodeSnapshot::stat;
		}
		boolean names = raw.isAssignableFrom(List.class) && Collection.class.isAssignableFrom(raw)
				&& type.asCollection().getGeneric(0).toClass().isAssignableFrom(String.class);
		if (names) {
			return NodeSnapshot::children;
		}
		throw new IllegalArgumentException("parameter " + index + " (" + type
				+ ") cannot be served by a children watch, which gives List<String> (the child names) and Stat");
	}

	private static Function<NodeSnapshot, Object> dataResolver(ResolvableType type, Supplier<JsonMapper> mapper,
			int index) {
		Class<?> raw = type.toClass();
		if (raw == byte[].class) {
			return NodeSnapshot::data;
		}
		if (raw == String.class) {
			return NodeSnapshot::text;
		}
		if (raw == Stat.class) {
			return NodeSnapshot::stat;
		}
		if (Map.class.isAssignableFrom(raw) && raw.isAssignableFrom(LinkedHashMap.class)) {
			return NodeSnapshot::properties;
		}
		if (raw.isPrimitive() || (raw.isInterface() || Modifier.isAbstract(raw.getModifiers()))
				&& !Collection.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw)) {
			throw new IllegalArgumentException("parameter " + index + " (" + type + ") cannot be served by a data watch, "
					+ "which gives byte[], String, Map (the properties), Stat, or a concrete type bound by Jackson");
		}
		return (snapshot) -> (snapshot.data() != null && snapshot.data().length > 0)
				? bind(snapshot, mapper.get(), type) : null;
	}

	/** Binds the data, with a message that names the place of a failure but never the data. */
	private static Object bind(NodeSnapshot snapshot, JsonMapper mapper, ResolvableType type) {
		JavaType javaType = mapper.constructType(type.getType());
		try {
			return mapper.readValue(snapshot.data(), javaType);
		}
		catch (JacksonException ex) {
			TokenStreamLocation at = ex.getLocation();
			throw new InvalidNodeDataException(snapshot.path(), (at != null) ? at.getLineNr() : 1,
					(at != null) ? at.getColumnNr() : 1, "data that does not bind to " + javaType.getRawClass().getSimpleName());
		}
	}

	/**
	 * The arguments for one call.
	 * @param snapshot what the watch read
	 * @return one argument per parameter
	 */
	Object[] resolve(NodeSnapshot snapshot) {
		Object[] arguments = new Object[this.resolvers.size()];
		for (int i = 0; i < arguments.length; i++) {
			arguments[i] = this.resolvers.get(i).apply(snapshot);
		}
		return arguments;
	}

}
