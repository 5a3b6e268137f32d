package io.zkboot.autoconfigure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zkboot.client.ZkDeferredStartup;
import io.zkboot.tree.ImportOptions;
import io.zkboot.tree.ImportResult;
import io.zkboot.tree.TreeParser;
import io.zkboot.tree.Trim;
import io.zkboot.tree.ZkTree;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.zookeeper.data.ACL;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Imports the tree texts of {@code zk.tree.import.locations} while the application starts.
 *
 * <p>It runs once every singleton bean has been created and before the context starts (so
 * before the web server, {@code ApplicationRunner}s and {@code ApplicationReadyEvent}): beans
 * that read the nodes in their own initialization do not see the import, everything later
 * does. Resources are imported one at a time, in the order of the locations, and within one
 * location in file-name order (then by URL); a resource found by two locations is imported
 * once. Each import is logged and published as a {@link ZkTreeImportedEvent}. A resource that
 * cannot be imported stops startup with a {@link ZkTreeImportFailedException} naming it and
 * the line, or, with {@code fail-on-error=false}, is only logged.
 *
 * <p>When the application starts without a connection ({@code zk.startup.fail-fast=false}),
 * the import waits for the first connection ({@link ZkDeferredStartup}); a failure is then
 * logged, as startup is over.
 */
class ZkTreeStartupImport implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ZkTreeStartupImport.class);

	private final ZkTree tree;

	private final ZkTreeProperties.Import settings;

	private final @Nullable List<ACL> acl;

	private final ResourcePatternResolver resources;

	private final ApplicationEventPublisher publisher;

	private final ZkDeferredStartup deferredStartup;

	/**
	 * Creates the startup import.
	 * @param tree the tree operations
	 * @param settings {@code zk.tree.import.*}
	 * @param acl the ACL of created nodes, or {@code null} for the client's
	 * @param resources how the locations are resolved
	 * @param publisher where the events go
	 * @param deferredStartup holds the import back while there is no connection
	 */
	ZkTreeStartupImport(ZkTree tree, ZkTreeProperties.Import settings, @Nullable List<ACL> acl,
			ResourcePatternResolver resources, ApplicationEventPublisher publisher, ZkDeferredStartup deferredStartup) {
		this.tree = tree;
		this.settings = settings;
		this.acl = acl;
		this.resources = resources;
		this.publisher = publisher;
		this.deferredStartup = deferredStartup;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.settings.getLocations().isEmpty()) {
			return;
		}
		this.deferredStartup.run(ZkDeferredStartup.Step.TREE_IMPORT,
				"import of " + this.settings.getLocations() + " (zk.tree.import.locations)", this::importAll);
	}

	private void importAll() {
		ImportOptions options = options();
		for (Map.Entry<String, Resource> resource : resolve().entrySet()) {
			importOne(resource.getKey(), resource.getValue(), options);
		}
	}

	private ImportOptions options() {
		ImportOptions options = ImportOptions.defaults()
			.withBasePath(this.settings.getBasePath())
			.withTrim(this.settings.isTrim() ? Trim.DELETE : Trim.WARN)
			.withAcl(this.acl);
		options = this.settings.isDryRun() ? options.withDryRun() : options;
		return this.settings.isStrictLinks() ? options.withStrictLinks() : options;
	}

	/** The resources to import by name, in import order, each once. */
	private Map<String, Resource> resolve() {
		Map<String, Resource> found = new LinkedHashMap<>();
		for (String location : this.settings.getLocations()) {
			List<Resource> matches = new ArrayList<>();
			try {
				matches.addAll(Arrays.asList(this.resources.getResources(location)));
			}
			catch (IOException ex) {
				failed(new ZkTreeImportFailedException(location, new IllegalStateException(ex.getMessage(), ex)));
			}
			matches.removeIf((match) -> !match.isReadable());
			if (matches.isEmpty()) {
				logger.warn("No tree found at " + location + " (zk.tree.import.locations)");
			}
			matches.sort(Comparator.comparing(ZkTreeStartupImport::fileName).thenComparing(ZkTreeStartupImport::name));
			matches.forEach((match) -> found.putIfAbsent(name(match), match));
		}
		return found;
	}

	private void importOne(String name, Resource resource, ImportOptions options) {
		ImportResult result;
		try {
			result = this.tree.importTree(TreeParser.decode(resource.getContentAsByteArray(), name), name, options);
		}
		catch (IOException ex) {
			failed(new ZkTreeImportFailedException(name, new IllegalStateException(ex.getMessage(), ex)));
			return;
		}
		catch (RuntimeException ex) {
			failed(new ZkTreeImportFailedException(name, ex));
			return;
		}
		this.publisher.publishEvent(new ZkTreeImportedEvent(this, name, result));
	}

	/** Stops startup, or with fail-on-error=false logs the failure and goes on. */
	private void failed(ZkTreeImportFailedException failure) {
		if (this.settings.isFailOnError()) {
			throw failure;
		}
		logger.error(failure.getMessage() + " (zk.tree.import.fail-on-error=false, going on)", failure);
	}

	private static String fileName(Resource resource) {
		String fileName = resource.getFilename();
		return (fileName != null) ? fileName : "";
	}

	/** A resource's name in messages: its URL, else its description. */
	private static String name(Resource resource) {
		try {
			return resource.getURL().toString();
		}
		catch (IOException ex) {
			return resource.getDescription();
		}
	}

}
