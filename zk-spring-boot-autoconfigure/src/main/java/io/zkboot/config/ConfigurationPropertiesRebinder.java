package io.zkboot.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
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
 * and are left as they are, with a warning. The beans are recorded as the bean factory
 * initializes them (as a {@link BeanPostProcessor}), so a bean created late (lazy
 * initialization) is re-bound too, and a change never looks through the context's beans.
 * Beans of a scope other than singleton are not recorded: their scope makes them anew (a
 * {@code @RefreshScope} bean is refreshed by its scope).
 */
public class ConfigurationPropertiesRebinder implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(ConfigurationPropertiesRebinder.class);

	private final ApplicationContext context;

	private final Map<String, ConfigurationPropertiesBean> beans = new ConcurrentHashMap<>();

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
		return this.beans.values()
			.stream()
			.filter((bean) -> !below(bean, names).isEmpty())
			.filter(this::rebindable)
			.map((bean) -> rebind(bean, below(bean, removed)))
			.toList();
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (isSingleton(beanName)) {
			ConfigurationPropertiesBean properties = ConfigurationPropertiesBean.get(this.context, bean, beanName);
			if (properties != null) {
				this.beans.put(beanName, properties);
			}
		}
		return bean;
	}

	private boolean isSingleton(String beanName) {
		if (!(this.context.getAutowireCapableBeanFactory() instanceof ConfigurableListableBeanFactory factory)
				|| !factory.containsBeanDefinition(beanName)) {
			return true;
		}
		return factory.getBeanDefinition(beanName).isSingleton();
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
