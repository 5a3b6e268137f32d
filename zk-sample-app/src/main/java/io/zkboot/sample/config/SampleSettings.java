package io.zkboot.sample.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings bound from the node {@code /config/zk-sample-app} (imported with
 * {@code spring.config.import=optional:zk:/config}) and re-bound in place when it changes.
 */
@ConfigurationProperties("zk-sample-app")
public class SampleSettings {

	/**
	 * The node the settings come from.
	 */
	public static final String NODE = "/config/zk-sample-app";

	/**
	 * A greeting.
	 */
	private String greeting;

	/**
	 * How many connections the sample would allow.
	 */
	private int maxConnections;

	/**
	 * Features the sample shows.
	 */
	private List<String> features = new ArrayList<>();

	public String getGreeting() {
		return this.greeting;
	}

	public void setGreeting(String greeting) {
		this.greeting = greeting;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	public List<String> getFeatures() {
		return this.features;
	}

	public void setFeatures(List<String> features) {
		this.features = features;
	}

}
