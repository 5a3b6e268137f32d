package io.zkboot.config;

import java.util.Collection;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindingPostProcessor;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Re-binds, in place, the {@code @ConfigurationProperties} beans whose prefix covers changed
 * property names, with Spring Boot's own binding post-processor (so conversion and
 * validation are those of startup). A name no longer in the environment resets the bean's
 * property covering it to what a fresh start would bind (see {@link RemovedProperties}).
 * Beans bound through their constructor (records, immutable classes) cannot change in place
 * and are left as they are, with a warning. The context's beans are looked for once, on the
 * first change.
 */
public class ConfigurationPropertiesRebinder {

	private static final Log logger = LogFactory.getLog(ConfigurationPropertiesRebinder.class);

	private final ApplicationContext context;

	private List<ConfigurationPropertiesBean> beans;

	/**
	 * Creates the rebinder.
	 * @param context the context whose beans are re-bound
	 */
	public ConfigurationPropertiesRebinder(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * Re-binds the beans bound to any of the names, one change at a time.
	 * @param keys changed property names, as in the environment
	 * @return the names of the beans re-bound
	 */
	public synchronized List<String> rebind(Collection<String> keys) {
		List<ConfigurationPropertyName> names = keys.stream()
			.map((key) -> ConfigurationPropertyName.adapt(key, '.'))
			.toList();
		List<ConfigurationPropertyName> removed = keys.stream()
			.filter((key) -> !this.context.getEnvironment().containsProperty(key))
			.map((key) -> ConfigurationPropertyName.adapt(key, '.'))
			.toList();
		return beans().stream()
			.filter((bean) -> !below(bean, names).isEmpty())
			.filter(this::rebindable)
			.map((bean) -> rebind(bean, below(bean, removed)))
			.toList();
	}

	private List<ConfigurationPropertiesBean> beans() {
		if (this.beans == null) {
			this.beans = List.copyOf(ConfigurationPropertiesBean.getAll(this.context).values());
		}
		return this.beans;
	}

	private String rebind(ConfigurationPropertiesBean bean, List<ConfigurationPropertyName> removed) {
		ConfigurationPropertiesBindingPostProcessor binder = this.context.getBean(
				ConfigurationPropertiesBindingPostProcessor.BEAN_NAME, ConfigurationPropertiesBindingPostProcessor.class);
		Object fresh = removed.isEmpty() ? null : freshlyBound(bean, binder);
		binder.postProcessBeforeInitialization(bean.getInstance(), bean.getName());
		if (fresh != null) {
			RemovedProperties.reset(bean.getInstance(), fresh, prefix(bean), removed);
		}
		return bean.getName();
	}

	/**
	 * A new instance of the bean's class, made by its constructor as the bean factory does,
	 * and bound as at startup (validation included: a failure leaves the bean untouched).
	 */
	private Object freshlyBound(ConfigurationPropertiesBean bean, ConfigurationPropertiesBindingPostProcessor binder) {
		Object fresh = this.context.getAutowireCapableBeanFactory()
			.autowire(ClassUtils.getUserClass(bean.getInstance()), AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR,
					false);
		return binder.postProcessBeforeInitialization(fresh, bean.getName());
	}

	private List<ConfigurationPropertyName> below(ConfigurationPropertiesBean bean,
			List<ConfigurationPropertyName> names) {
		ConfigurationPropertyName root = prefix(bean);
		return names.stream().filter((name) -> root.isEmpty() || root.equals(name) || root.isAncestorOf(name)).toList();
	}

	private ConfigurationPropertyName prefix(ConfigurationPropertiesBean bean) {
		return ConfigurationPropertyName.of(bean.getAnnotation().prefix());
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
