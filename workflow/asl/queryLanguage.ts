/** The two query languages of ASL. JSONPath is the default when a definition names none. */
export type QueryLanguage = 'JSONPath' | 'JSONata';

/**
 * The `QueryLanguage` field of a state written in `Own`, inside a definition whose default is
 * `Default`: optional when it equals the default, required otherwise.
 */
export type LanguageTag<Own extends QueryLanguage, Default extends QueryLanguage> = [Default] extends [Own]
  ? { QueryLanguage?: Own }
  : { QueryLanguage: Own };

/**
 * The variants a state may take in a definition whose default is `Default`. A JSONata
 * definition admits only JSONata states; a JSONPath one admits both, JSONata ones tagged.
 */
export type LanguageVariants<Default extends QueryLanguage, JsonPathVariant, JsonataVariant> = [Default] extends ['JSONata']
  ? JsonataVariant & LanguageTag<'JSONata', Default>
  : (JsonPathVariant & LanguageTag<'JSONPath', Default>) | (JsonataVariant & LanguageTag<'JSONata', Default>);

/** A JSONata expression as ASL embeds it in a string: `{% ... %}`. */
export type JsonataExpression = `{%${string}%}`;
