package io.zkboot.config;

import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.NativeDetector;

/**
 * Whether the application is being processed ahead of time ({@code spring-boot:process-aot},
 * which sets {@code spring.aot.processing}, or a native-image build): then {@code zk:}
 * configuration is not read, so the build starts no embedded server and connects nowhere. An
 * application run from the AOT-processed classes ({@code -Dspring.aot.enabled=true}, a native
 * image) reads it at startup as any other.
 */
final class AotBuildTime {

	private AotBuildTime() {
	}

	static boolean isProcessing() {
		return Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)
				|| NativeDetector.inNativeImage(NativeDetector.Context.BUILD);
	}

}
