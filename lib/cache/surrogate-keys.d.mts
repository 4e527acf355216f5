export declare const SURROGATE_KEY_RULES: Array<{ source: string; keys: string[] }>;
export declare const SITE_SURROGATE_KEYS: string[];
export declare function surrogateKeyHeaders(): Array<{
  source: string;
  headers: Array<{ key: string; value: string }>;
}>;
