package io.zkboot.watch;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.zookeeper.data.Stat;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.annotation.SimpleReflectiveProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * The native-image hints of a {@link ZkWatch @ZkWatch} method (it is {@code @Reflective}, so
 * Spring's AOT processing finds it on every bean): the method is invoked reflectively, and the
 * parameter types that Jackson binds from the node's data (every type but {@code byte[]},
 * {@code String}, {@code Map} and {@code Stat}, which the watch gives as they are) are
 * registered for binding, as Spring MVC does for a controller's {@code @RequestBody}.
 */
public class ZkWatchReflectiveProcessor extends SimpleReflectiveProcessor {

	private final BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();

	@Override
	protected void registerMethodHint(ReflectionHints hints, Method method) {
		hints.registerMethod(method, ExecutableMode.INVOKE);
		ZkWatch watch = method.getAnnotation(ZkWatch.class);
		if (watch != null && watch.children()) {
			return;
		}
		for (int i = 0; i < method.getParameterCount(); i++) {
			ResolvableType type = ResolvableType.forMethodParameter(new MethodParameter(method, i));
			if (isBound(type.toClass())) {
				this.binding.registerReflectionHints(hints, type.getType());
			}
		}
	}

	/** Whether {@link WatchArguments} binds this type with Jackson. */
	static boolean isBound(Class<?> raw) {
		if (raw == byte[].class || raw == String.class || raw == Stat.class || raw.isPrimitive()) {
			return false;
		}
		return !(Map.class.isAssignableFrom(raw) && raw.isAssignableFrom(LinkedHashMap.class));
	}

}
