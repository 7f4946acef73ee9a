package nl.wegwijs.searchengine;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.stempel.StempelFilter;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Polish and Ukrainian analysis for the embedded node. Elastic's own
 * analysis-stempel / analysis-ukrainian plugins are not on Maven Central, so
 * this registers the same Lucene analyzers under the same names they use
 * ("polish", "polish_stem", "ukrainian"): index settings written for a
 * production cluster with those plugins work here unchanged.
 * Both analyzers accept "stopwords" and "stem_exclusion" like built-in ones.
 */
public class WegwijsAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("polish_stem", PolishStemFilterFactory::new);
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("polish", PolishAnalyzerProvider::new,
                "ukrainian", UkrainianAnalyzerProvider::new);
    }

    static final class PolishStemFilterFactory extends AbstractTokenFilterFactory {
        PolishStemFilterFactory(IndexSettings index, Environment env, String name, Settings settings) {
            super(index, name, settings);
        }

        @Override
        public TokenStream create(TokenStream input) {
            return new StempelFilter(input, new StempelStemmer(PolishAnalyzer.getDefaultTable()));
        }
    }

    static final class PolishAnalyzerProvider extends AbstractIndexAnalyzerProvider<PolishAnalyzer> {
        private final PolishAnalyzer analyzer;

        PolishAnalyzerProvider(IndexSettings index, Environment env, String name, Settings settings) {
            super(index, name, settings);
            analyzer = new PolishAnalyzer(
                    Analysis.parseStopWords(env, settings, PolishAnalyzer.getDefaultStopSet()),
                    Analysis.parseStemExclusion(settings, org.apache.lucene.analysis.CharArraySet.EMPTY_SET));
        }

        @Override
        public PolishAnalyzer get() {
            return analyzer;
        }
    }

    static final class UkrainianAnalyzerProvider extends AbstractIndexAnalyzerProvider<UkrainianMorfologikAnalyzer> {
        private final UkrainianMorfologikAnalyzer analyzer;

        UkrainianAnalyzerProvider(IndexSettings index, Environment env, String name, Settings settings) {
            super(index, name, settings);
            analyzer = new UkrainianMorfologikAnalyzer(
                    Analysis.parseStopWords(env, settings, UkrainianMorfologikAnalyzer.getDefaultStopSet()),
                    Analysis.parseStemExclusion(settings, org.apache.lucene.analysis.CharArraySet.EMPTY_SET));
        }

        @Override
        public UkrainianMorfologikAnalyzer get() {
            return analyzer;
        }
    }
}
