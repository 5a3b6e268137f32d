package io.zkboot.coordination;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;

/**
 * Proxies beans that have {@link ZkLocked} methods, so that each call runs under its lock. The
 * proxy subclasses the bean's class, so beans without interfaces (a {@code @Scheduled} job) are
 * proxied too.
 */
public class ZkLockedBeanPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	private static final long serialVersionUID = 1L;

	private final transient Supplier<ZkLocks> locks;

	private transient @Nullable ZkLockedMethodInterceptor interceptor;

	/**
	 * A post-processor that takes the locks from a supplier when the first locked method is
	 * called, so proxying does not create the client early.
	 * @param locks the application's locks
	 */
	public ZkLockedBeanPostProcessor(Supplier<ZkLocks> locks) {
		this.locks = locks;
		setProxyTargetClass(true);
		setBeforeExistingAdvisors(true);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		super.setBeanFactory(beanFactory);
		ConfigurableBeanFactory factory = (ConfigurableBeanFactory) beanFactory;
		this.interceptor = new ZkLockedMethodInterceptor(this.locks, factory::resolveEmbeddedValue);
		this.advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, ZkLocked.class, true),
				this.interceptor);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (isEligible(bean, beanName)) {
			this.interceptor.validate(AopUtils.getTargetClass(bean));
		}
		return super.postProcessAfterInitialization(bean, beanName);
	}

}
