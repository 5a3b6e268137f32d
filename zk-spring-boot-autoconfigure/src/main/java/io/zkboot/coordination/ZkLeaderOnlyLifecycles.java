package io.zkboot.coordination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.aopalliance.intercept.MethodInterceptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Starts {@link ZkLeaderOnly} lifecycle beans when leadership is granted and stops them when it
 * is revoked. Such a bean is proxied so that the context does not start it itself
 * ({@code isAutoStartup()} answers false); its other methods are its own. The proxy's class is
 * also given to AOT processing ({@link #determineBeanType}), so that it is generated at build time,
 * as Spring's own proxying post-processors do, and a native image has it.
 */
public class ZkLeaderOnlyLifecycles
		implements SmartInstantiationAwareBeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton,
		ZkLeadershipListener {

	private static final Log logger = LogFactory.getLog(ZkLeaderOnlyLifecycles.class);

	/** Answers false to {@code isAutoStartup()}; one instance, so that every proxy class is alike. */
	private static final MethodInterceptor NOT_AUTO_STARTUP = (invocation) -> invocation.getMethod()
		.getName()
		.equals("isAutoStartup") && invocation.getMethod().getParameterCount() == 0 ? Boolean.FALSE
				: invocation.proceed();

	private final List<Named> lifecycles = new ArrayList<>();

	private @Nullable ListableBeanFactory beanFactory;

	private volatile boolean attached;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (ListableBeanFactory) beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (!isLeaderOnly(bean, beanName)) {
			return bean;
		}
		if (!(bean instanceof SmartLifecycle lifecycle)) {
			throw new IllegalStateException("@ZkLeaderOnly bean '" + beanName + "' is a " + bean.getClass().getName()
					+ ", not a SmartLifecycle: only lifecycle beans can be started and stopped with leadership");
		}
		synchronized (this.lifecycles) {
			this.lifecycles.add(new Named(beanName, lifecycle));
		}
		ProxyFactory proxy = new ProxyFactory(bean);
		proxy.setProxyTargetClass(true);
		proxy.addAdvice(NOT_AUTO_STARTUP);
		return proxy.getProxy(bean.getClass().getClassLoader());
	}

	/**
	 * The class of the proxy a leader-only lifecycle bean gets, so that AOT processing generates
	 * it (and registers its hints); other beans keep their class.
	 */
	@Override
	public Class<?> determineBeanType(Class<?> beanClass, String beanName) {
		if (!SmartLifecycle.class.isAssignableFrom(beanClass) || !isLeaderOnly(beanClass, beanName)) {
			return beanClass;
		}
		ProxyFactory proxy = new ProxyFactory();
		proxy.setTargetClass(beanClass);
		proxy.setInterfaces(ClassUtils.getAllInterfacesForClass(beanClass, beanClass.getClassLoader()));
		proxy.setProxyTargetClass(true);
		proxy.addAdvice(NOT_AUTO_STARTUP);
		return proxy.getProxyClass(beanClass.getClassLoader());
	}

	private boolean isLeaderOnly(Object bean, String beanName) {
		return isLeaderOnly(bean.getClass(), beanName);
	}

	private boolean isLeaderOnly(Class<?> beanClass, String beanName) {
		if (AnnotationUtils.findAnnotation(beanClass, ZkLeaderOnly.class) != null) {
			return true;
		}
		return this.beanFactory != null && this.beanFactory.containsBeanDefinition(beanName)
				&& this.beanFactory.findAnnotationOnBean(beanName, ZkLeaderOnly.class, false) != null;
	}

	/**
	 * Start and stop the leader-only beans with an election's leadership.
	 * @param election the application's election
	 */
	public void attach(ZkLeaderElection election) {
		election.addListener(this);
		this.attached = true;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.attached && !this.lifecycles.isEmpty()) {
			logger.warn("@ZkLeaderOnly beans " + this.lifecycles.stream().map(Named::name).toList()
					+ " will not start: the application takes part in no election (set zk.leader.enabled=true)");
		}
	}

	@Override
	public void granted(ZkLeaderElection election) {
		for (Named named : ordered(false)) {
			if (!named.lifecycle.isRunning()) {
				logger.info("Starting leader-only " + named.name);
				named.lifecycle.start();
			}
		}
	}

	@Override
	public void revoked(ZkLeaderElection election) {
		for (Named named : ordered(true)) {
			if (named.lifecycle.isRunning()) {
				logger.info("Stopping leader-only " + named.name);
				named.lifecycle.stop();
			}
		}
	}

	/** Started in phase order, stopped in reverse, as the context does. */
	private List<Named> ordered(boolean reverse) {
		List<Named> ordered;
		synchronized (this.lifecycles) {
			ordered = new ArrayList<>(this.lifecycles);
		}
		Comparator<Named> byPhase = Comparator.comparingInt((Named named) -> named.lifecycle.getPhase());
		ordered.sort(reverse ? byPhase.reversed() : byPhase);
		return ordered;
	}

	private record Named(String name, SmartLifecycle lifecycle) {
	}

}
