package io.zkboot.watch;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.StringUtils;

/**
 * Finds {@link ZkWatch @ZkWatch} methods on beans, resolves their paths and checks that their
 * signatures can be served (failing startup with a message naming the bean and the method
 * when not), and hands them to the {@link ZkWatchMethods} bean, which watches them while the
 * context runs.
 */
public class ZkWatchBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private final Supplier<JsonMapper> mapper;

	private ConfigurableBeanFactory beanFactory;

	private ZkWatchMethods methods;

	/**
	 * Creates the post-processor.
	 * @param mapper gives the mapper that binds node data to the other types a method takes
	 * (the application's, so that {@code spring.jackson.*} applies); asked on every binding,
	 * so it should hold on to what it gives
	 */
	public ZkWatchBeanPostProcessor(Supplier<JsonMapper> mapper) {
		this.mapper = mapper;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (beanFactory instanceof ConfigurableBeanFactory configurable) ? configurable : null;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (!AnnotationUtils.isCandidateClass(targetClass, ZkWatch.class)) {
			return bean;
		}
		Map<Method, ZkWatch> annotated = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<ZkWatch>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, ZkWatch.class));
		annotated.forEach((method, watch) -> methods().add(methodFor(bean, beanName, method, watch)));
		return bean;
	}

	/**
	 * The methods' watches, looked up when the first {@code @ZkWatch} method is found (as
	 * Spring's JMS listener post-processor looks up its registry).
	 */
	private ZkWatchMethods methods() {
		if (this.methods == null) {
			if (this.beanFactory == null) {
				throw new IllegalStateException("@ZkWatch methods are watched by a ZkWatchMethods bean, "
						+ "which a ZkWatchBeanPostProcessor outside a bean factory cannot find");
			}
			this.methods = this.beanFactory.getBean(ZkWatchMethods.class);
		}
		return this.methods;
	}

	private WatchMethod methodFor(Object bean, String beanName, Method method, ZkWatch watch) {
		String path = resolvePath(beanName, method, watch.path());
		WatchKind kind = watch.children() ? WatchKind.CHILDREN : WatchKind.DATA;
		try {
			WatchArguments arguments = WatchArguments.forMethod(method, kind, this.mapper);
			Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
			return new WatchMethod(beanName, bean, invocable, path, kind, arguments);
		}
		catch (IllegalArgumentException ex) {
			throw new BeanInitializationException(
					WatchMethod.describe(beanName, method, path) + " cannot be served: " + ex.getMessage(), ex);
		}
	}

	private String resolvePath(String beanName, Method method, String path) {
		String resolved;
		try {
			resolved = (this.beanFactory != null) ? this.beanFactory.resolveEmbeddedValue(path) : path;
		}
		catch (IllegalArgumentException ex) {
			throw new BeanInitializationException(
					WatchMethod.describe(beanName, method, path) + ": cannot resolve the path: " + ex.getMessage(), ex);
		}
		if (!StringUtils.hasText(resolved) || !resolved.startsWith("/")) {
			throw new BeanInitializationException(WatchMethod.describe(beanName, method, path)
					+ ": the path must be absolute, not '" + resolved + "'");
		}
		return resolved;
	}

}
