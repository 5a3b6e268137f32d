package io.zkboot.coordination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.aopalliance.intercept.MethodInterceptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Starts {@link ZkLeaderOnly} lifecycle beans when leadership is granted and stops them when it
 * is revoked. Such a bean is proxied so that the context does not start it itself
 * ({@code isAutoStartup()} answers false); its other methods are its own.
 */
public class ZkLeaderOnlyLifecycles
		implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton, ZkLeadershipListener {

	private static final Log logger = LogFactory.getLog(ZkLeaderOnlyLifecycles.class);

	private final List<Named> lifecycles = new ArrayList<>();

	private ListableBeanFactory beanFactory;

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
		proxy.addAdvice((MethodInterceptor) (invocation) -> invocation.getMethod().getName().equals("isAutoStartup")
				&& invocation.getMethod().getParameterCount() == 0 ? Boolean.FALSE : invocation.proceed());
		return proxy.getProxy(bean.getClass().getClassLoader());
	}

	private boolean isLeaderOnly(Object bean, String beanName) {
		if (AnnotationUtils.findAnnotation(bean.getClass(), ZkLeaderOnly.class) != null) {
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
