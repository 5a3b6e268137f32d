package io.zkboot.config;

import java.util.Collection;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindingPostProcessor;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ApplicationContext;

/**
 * Re-binds, in place, the {@code @ConfigurationProperties} beans whose prefix covers changed
 * property names, with Spring Boot's own binding post-processor (so conversion and
 * validation are those of startup). Beans bound through their constructor (records,
 * immutable classes) cannot change in place and are left as they are, with a warning.
 */
public class ConfigurationPropertiesRebinder {

	private static final Log logger = LogFactory.getLog(ConfigurationPropertiesRebinder.class);

	private final ApplicationContext context;

	/**
	 * Creates the rebinder.
	 * @param context the context whose beans are re-bound
	 */
	public ConfigurationPropertiesRebinder(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * Re-binds the beans bound to any of the names.
	 * @param keys changed property names, as in the environment
	 * @return the names of the beans re-bound
	 */
	public List<String> rebind(Collection<String> keys) {
		List<ConfigurationPropertyName> names = keys.stream()
			.map((key) -> ConfigurationPropertyName.adapt(key, '.'))
			.toList();
		ConfigurationPropertiesBindingPostProcessor binder = this.context.getBean(
				ConfigurationPropertiesBindingPostProcessor.BEAN_NAME, ConfigurationPropertiesBindingPostProcessor.class);
		return ConfigurationPropertiesBean.getAll(this.context)
			.values()
			.stream()
			.filter((bean) -> covers(bean.getAnnotation().prefix(), names))
			.filter(this::rebindable)
			.map((bean) -> {
				binder.postProcessBeforeInitialization(bean.getInstance(), bean.getName());
				return bean.getName();
			})
			.toList();
	}

	private boolean covers(String prefix, List<ConfigurationPropertyName> names) {
		ConfigurationPropertyName root = ConfigurationPropertyName.of(prefix);
		return names.stream().anyMatch((name) -> root.isEmpty() || root.equals(name) || root.isAncestorOf(name));
	}

	private boolean rebindable(ConfigurationPropertiesBean bean) {
		if (bean.asBindTarget().getBindMethod() == BindMethod.VALUE_OBJECT) {
			logger.warn("Configuration properties bean '" + bean.getName()
					+ "' is bound through its constructor and cannot be re-bound in place; restart to see changes");
			return false;
		}
		return true;
	}

}
