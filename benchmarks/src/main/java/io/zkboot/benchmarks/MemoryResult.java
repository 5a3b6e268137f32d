package io.zkboot.benchmarks;

/**
 * One memory row of the result table: the heap one subject holds for a number of items (cached
 * instances, watches, nodes), per item, and against a reference size when there is one (for
 * example the size of the text being exported).
 *
 * @param benchmark the benchmark's name
 * @param operation what holds the heap, and how it was measured
 * @param subject who holds it
 * @param items how many items the heap is held for
 * @param bytes the heap held, in bytes
 * @param referenceBytes the size the heap is compared with, or 0 when there is none
 */
public record MemoryResult(String benchmark, String operation, String subject, long items, long bytes,
		long referenceBytes) implements Row {

	/**
	 * Returns the heap held per item.
	 * @return bytes per item
	 */
	public double bytesPerItem() {
		return (double) this.bytes / this.items;
	}

	/**
	 * Returns the heap held relative to the reference size.
	 * @return bytes divided by the reference's; 0 when there is no reference
	 */
	public double referenceRatio() {
		return (this.referenceBytes == 0) ? 0 : (double) this.bytes / this.referenceBytes;
	}

}
