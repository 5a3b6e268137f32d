package io.zkboot.config;

import java.beans.PropertyDescriptor;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Puts back, on a bean re-bound in place, what a fresh start would bind for the properties
 * whose names were removed from the environment: binding in place only sets the names
 * present, so a removed name would otherwise leave its last value behind. The bean's
 * properties that cover a removed name are copied from a freshly bound instance; a property
 * without a setter (a nested object, map or list made by the class) keeps its object and has
 * its content replaced. Properties covering no removed name are not touched.
 */
final class RemovedProperties {

	private RemovedProperties() {
	}

	/**
	 * Copies the properties covering removed names from the fresh instance.
	 * @param bean the bean re-bound in place
	 * @param fresh an instance of the same class, bound from the current environment
	 * @param name the name {@code bean} is bound at (the bean's prefix)
	 * @param removed the removed names, all below {@code name}
	 */
	static void reset(Object bean, Object fresh, ConfigurationPropertyName name,
			List<ConfigurationPropertyName> removed) {
		BeanWrapper target = new BeanWrapperImpl(bean);
		BeanWrapper source = new BeanWrapperImpl(fresh);
		for (PropertyDescriptor descriptor : target.getPropertyDescriptors()) {
			String property = descriptor.getName();
			ConfigurationPropertyName propertyName = name.append(DataObjectPropertyName.toDashedForm(property));
			if (descriptor.getReadMethod() == null || "class".equals(property) || !covers(propertyName, removed)) {
				continue;
			}
			Object value = source.getPropertyValue(property);
			if (target.isWritableProperty(property)) {
				target.setPropertyValue(property, value);
			}
			else {
				replaceContent(target.getPropertyValue(property), value, propertyName, removed);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static void replaceContent(@Nullable Object bean, @Nullable Object fresh, ConfigurationPropertyName name,
			List<ConfigurationPropertyName> removed) {
		if (bean instanceof Map<?, ?> map && fresh instanceof Map<?, ?> freshMap) {
			map.clear();
			((Map<Object, Object>) map).putAll(freshMap);
		}
		else if (bean instanceof Collection<?> collection && fresh instanceof Collection<?> freshCollection) {
			collection.clear();
			((Collection<Object>) collection).addAll(freshCollection);
		}
		else if (bean != null && fresh != null) {
			reset(bean, fresh, name, removed);
		}
	}

	private static boolean covers(ConfigurationPropertyName property, List<ConfigurationPropertyName> removed) {
		return removed.stream().anyMatch((name) -> property.equals(name) || property.isAncestorOf(name));
	}

}
