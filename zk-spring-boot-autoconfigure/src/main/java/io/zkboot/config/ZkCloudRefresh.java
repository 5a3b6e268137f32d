package io.zkboot.config;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.context.scope.refresh.RefreshScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.util.PropertyPlaceholderHelper;
import org.springframework.util.ReflectionUtils;

/**
 * A change of a ZooKeeper node told to Spring Cloud Context, as Spring Cloud's own refresh
 * tells it: an {@link EnvironmentChangeEvent} with the changed names (so that Spring Cloud's
 * {@code LoggingRebinder} and the application's listeners see it), then the
 * {@code @RefreshScope} beans that depend on a changed name are refreshed (made anew on their
 * next use). The event's source is the node's property source, not the application context:
 * Spring Cloud's {@code ConfigurationPropertiesRebinder} re-binds every
 * {@code @ConfigurationProperties} bean on an event from the context, and the beans the change
 * covers are re-bound already, once.
 * <p>
 * A {@code @RefreshScope} bean depends on a name when it is a {@code @ConfigurationProperties}
 * bean whose prefix covers the name, or when one of its {@code @Value} placeholders names it
 * or a name below it. A bean that has neither (one reading the {@code Environment}, say) may
 * depend on anything and is refreshed on every change. The refresh-scoped beans are looked at
 * once, at the first change.
 */
public class ZkCloudRefresh implements ApplicationListener<ZkConfigChangedEvent>, Ordered {

	private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper("${", "}", ":", null,
			true);

	private final ConfigurableListableBeanFactory beanFactory;

	private final ApplicationEventPublisher publisher;

	private final @Nullable RefreshScope scope;

	private @Nullable Map<String, List<ConfigurationPropertyName>> refreshScoped;

	/**
	 * Creates the refresh.
	 * @param beanFactory the bean factory holding the refresh-scoped beans
	 * @param publisher publishes the events
	 * @param scope the refresh scope, may be {@code null}
	 */
	public ZkCloudRefresh(ConfigurableListableBeanFactory beanFactory, ApplicationEventPublisher publisher,
			@Nullable RefreshScope scope) {
		this.beanFactory = beanFactory;
		this.publisher = publisher;
		this.scope = scope;
	}

	@Override
	public void onApplicationEvent(ZkConfigChangedEvent event) {
		this.publisher.publishEvent(new EnvironmentChangeEvent(event.getSource(), event.getKeys()));
		if (this.scope == null) {
			return;
		}
		List<ConfigurationPropertyName> changed = event.getKeys()
			.stream()
			.map((key) -> ConfigurationPropertyName.adapt(key, '.'))
			.toList();
		refreshScoped().forEach((bean, names) -> {
			if (names == null || names.stream().anyMatch((name) -> covers(name, changed))) {
				this.scope.refresh(bean);
			}
		});
	}

	private static boolean covers(ConfigurationPropertyName name, List<ConfigurationPropertyName> changed) {
		return changed.stream()
			.anyMatch((key) -> name.isEmpty() || name.equals(key) || name.isAncestorOf(key) || key.isAncestorOf(name));
	}

	/**
	 * The refresh-scoped beans and the names each depends on, {@code null} when unknown.
	 */
	private synchronized Map<String, List<ConfigurationPropertyName>> refreshScoped() {
		if (this.refreshScoped == null) {
			String scopeName = scopeName();
			Map<String, List<ConfigurationPropertyName>> beans = new LinkedHashMap<>();
			for (String name : this.beanFactory.getBeanDefinitionNames()) {
				if (scopeName != null && scopeName.equals(this.beanFactory.getBeanDefinition(name).getScope())) {
					beans.put(name, dependencies(name));
				}
			}
			this.refreshScoped = beans;
		}
		return this.refreshScoped;
	}

	private @Nullable String scopeName() {
		for (String name : this.beanFactory.getRegisteredScopeNames()) {
			if (this.beanFactory.getRegisteredScope(name) == this.scope) {
				return name;
			}
		}
		return null;
	}

	private @Nullable List<ConfigurationPropertyName> dependencies(String bean) {
		ConfigurationProperties properties = this.beanFactory.findAnnotationOnBean(bean, ConfigurationProperties.class);
		if (properties != null) {
			return List.of(ConfigurationPropertyName.of(properties.prefix()));
		}
		Class<?> type = this.beanFactory.getType(bean, false);
		if (type == null) {
			return null;
		}
		Set<String> placeholders = new HashSet<>();
		Class<?> userClass = ClassUtils.getUserClass(type);
		ReflectionUtils.doWithFields(userClass, (field) -> placeholders(field, placeholders));
		ReflectionUtils.doWithMethods(userClass, (method) -> {
			placeholders(method, placeholders);
			for (int i = 0; i < method.getParameterCount(); i++) {
				placeholders(MethodParameter.forExecutable(method, i), placeholders);
			}
		});
		for (Constructor<?> constructor : userClass.getDeclaredConstructors()) {
			for (int i = 0; i < constructor.getParameterCount(); i++) {
				placeholders(MethodParameter.forExecutable(constructor, i), placeholders);
			}
		}
		if (placeholders.isEmpty()) {
			return null;
		}
		return placeholders.stream().map((placeholder) -> ConfigurationPropertyName.adapt(placeholder, '.')).toList();
	}

	private static void placeholders(AnnotatedElement element, Set<String> names) {
		MergedAnnotations.from(element).stream(Value.class).forEach((value) -> record(value.getString("value"), names));
	}

	private static void placeholders(MethodParameter parameter, Set<String> names) {
		Value value = parameter.getParameterAnnotation(Value.class);
		if (value != null) {
			record(value.value(), names);
		}
	}

	private static void record(String expression, Set<String> names) {
		PLACEHOLDERS.replacePlaceholders(expression, (name) -> {
			names.add(name);
			return null;
		});
	}

	/**
	 * After the logging levels, before the application's listeners.
	 * @return just after the highest precedence
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
