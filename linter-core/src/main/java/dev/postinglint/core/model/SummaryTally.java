package dev.postinglint.core.model;

/** {@link Summary#of} one posting at a time, for streams that never hold the run's postings together. */
public final class SummaryTally {
    private int files;
    private int errors;
    private int warnings;
    private int infos;
    private int waived;
    private int suppressed;
    private boolean ioErrors;

    public void add(FileResult r) {
        Summary s = Summary.of(java.util.List.of(r)); // the same counting as the whole run's, one posting at a time
        files += s.files();
        errors += s.errors();
        warnings += s.warnings();
        infos += s.infos();
        waived += s.waived();
        suppressed += s.suppressed();
        ioErrors |= r.ioError();
    }

    public Summary summary() {
        return new Summary(files, errors, warnings, infos, waived, suppressed, 0);
    }

    /** Whether a posting added could not be read (as {@link LintReport#hasIoErrors}). */
    public boolean ioErrors() {
        return ioErrors;
    }
}
