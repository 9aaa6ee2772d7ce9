package dev.postinglint.core.model;

/**
 * Where a posting that is one job of a board export stands in that export: the export file, the
 * job's id, and the 1-based line and column of the job's object in the JSON. Findings of such a
 * posting are positioned inside the job's decoded content; this says where the job itself is.
 */
public record JobOrigin(String file, String jobId, int line, int column) {
}
