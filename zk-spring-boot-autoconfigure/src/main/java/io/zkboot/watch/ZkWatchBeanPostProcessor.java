package io.zkboot.watch;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.zkboot.client.ZkDeferredStartup;
import org.apache.curator.framework.CuratorFramework;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.StringUtils;

/**
 * Finds {@link ZkWatch @ZkWatch} methods on beans, checks that their signatures can be
 * served (failing startup with a message naming the bean and the method when not), and runs
 * one {@link NodeWatch} per method while the context runs. Starting waits for each method's
 * first call, so that beans see the current state before the application is ready; without a
 * connection, the first calls wait for the first connection ({@link ZkDeferredStartup}).
 */
public class ZkWatchBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware, SmartLifecycle {

	private final Supplier<CuratorFramework> client;

	private final Supplier<Executor> pool;

	private final Supplier<JsonMapper> mapper;

	private final List<WatchMethod> methods = new CopyOnWriteArrayList<>();

	private final NodeWatches watches = new NodeWatches();

	private ConfigurableBeanFactory beanFactory;

	private volatile boolean started;

	/**
	 * Creates the post-processor; the client and the pool are looked up only when watching
	 * starts, the mapper when a node's data is first bound.
	 * @param client gives the client to watch with
	 * @param pool gives the pool the watches read and call on
	 * @param mapper gives the mapper that binds node data to the other types a method takes
	 * (the application's, so that {@code spring.jackson.*} applies); asked on every binding,
	 * so it should hold on to what it gives
	 */
	public ZkWatchBeanPostProcessor(Supplier<CuratorFramework> client, Supplier<Executor> pool,
			Supplier<JsonMapper> mapper) {
		this.client = client;
		this.pool = pool;
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
		annotated.forEach((method, watch) -> add(methodFor(bean, beanName, method, watch)));
		return bean;
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

	private void add(WatchMethod method) {
		this.methods.add(method);
		if (this.watches.isRunning()) {
			this.watches.startAll(Stream.of(watch(method)));
		}
	}

	private NodeWatch watch(WatchMethod method) {
		WatchDeliveries deliveries = (this.beanFactory != null)
				? this.beanFactory.getBeanProvider(WatchDeliveries.class).getIfAvailable() : null;
		WatchListener listener = (deliveries != null) ? counted(method, deliveries) : method;
		return new NodeWatch(this.client.get(), method.getPath(), method.getKind(), this.pool.get(), listener);
	}

	private static WatchListener counted(WatchMethod method, WatchDeliveries deliveries) {
		AtomicBoolean first = new AtomicBoolean(true);
		return (snapshot) -> {
			boolean goOn = method.onChange(snapshot);
			boolean timed = !first.getAndSet(false) && method.getKind() == WatchKind.DATA && snapshot.exists();
			Duration delay = timed
					? Duration.ofMillis(Math.max(0, System.currentTimeMillis() - snapshot.stat().getMtime())) : null;
			deliveries.delivered(method.getPath(), method.getKind(), delay);
			return goOn;
		};
	}

	@Override
	public void start() {
		this.started = true;
		ZkDeferredStartup deferredStartup = (this.beanFactory != null)
				? this.beanFactory.getBeanProvider(ZkDeferredStartup.class).getIfAvailable() : null;
		if (deferredStartup == null || this.methods.isEmpty()) {
			startWatches();
			return;
		}
		deferredStartup.run(ZkDeferredStartup.Step.WATCHES, "first calls of " + this.methods.size()
				+ " @ZkWatch method(s)", this::startWatches);
	}

	private void startWatches() {
		if (this.started) {
			this.watches.startAll(this.methods.stream().map(this::watch));
		}
	}

	@Override
	public void stop() {
		this.started = false;
		this.watches.closeAll();
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

}
