/** @file
 * acr: the descriptor tables the generator emits and the runtime engine walks.
 *
 * This is the contract between codegen/ and runtime/: generated files contain
 * const instances of these structures (one per schema type), and every engine
 * function (validate, serialize, parse, free) is driven by them. Application code
 * never needs to read them. Changing any layout here means bumping
 * ACR_TABLES_VERSION in acr/version.h and regenerating. */
#ifndef ACR_TABLES_H
#define ACR_TABLES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** How a value is stored in the C struct. Member layout per kind:
 *   STRING          char * at offset (NULL = absent)
 *   BOOL            bool at offset, bool has_ flag at presence
 *   INT             int64_t at offset, bool has_ flag at presence
 *   UINT64          uint64_t at offset, bool has_ flag at presence
 *   NUMBER          double at offset, bool has_ flag at presence (finite only)
 *   ENUM            C enum (int-sized) at offset, 0 = absent, 1..n the schema's
 *                   values in order, n+1 = "other"; char * raw text at presence
 *                   (set only for "other")
 *   OBJECT          embedded struct at offset, bool has_ flag at presence
 *   ARRAY           item pointer at offset (NULL = absent), size_t count at presence
 *   STRING_OR_ARRAY char * at offset, item pointer at presence, size_t count at
 *                   count_offset: a JSON value that is either a string or an array
 * Array items are stored contiguously, item_size bytes each, with no presence
 * (an ENUM item is its C enum; it has no "other" text).
 *
 * A new kind touches: the model's value class (codegen/acrgen/model.py), both
 * templates, every switch on acr_kind in runtime/src (parse.c, validate.c,
 * serialize.c, free.c; none has a default:), and ACR_TABLES_VERSION. */
typedef enum acr_kind {
    ACR_KIND_STRING = 1,
    ACR_KIND_BOOL,
    ACR_KIND_INT,
    ACR_KIND_UINT64,
    ACR_KIND_ENUM,
    ACR_KIND_OBJECT,
    ACR_KIND_ARRAY,
    ACR_KIND_STRING_OR_ARRAY,
    ACR_KIND_NUMBER
} acr_kind;

/** A deterministic automaton compiled from a schema `pattern` by the generator:
 * next = transitions[state * class_count + byte_class[byte]]; -1 means no match is
 * possible any more; the string matches when the final state is accepting. */
typedef struct acr_dfa {
    const uint8_t *byte_class;      /**< 256 entries */
    uint16_t class_count;
    uint16_t state_count;
    const int16_t *transitions;     /**< state_count * class_count entries */
    const uint8_t *accepting;       /**< state_count entries */
} acr_dfa;

typedef struct acr_string_rules {
    size_t min_length;              /**< in characters (code points) */
    size_t max_length;              /**< SIZE_MAX: no maximum */
    size_t max_bytes;               /**< x-acr-max-bytes, in UTF-8 bytes; SIZE_MAX: none */
    const acr_dfa *pattern;         /**< NULL: no pattern */
    const char *pattern_text;       /**< the schema's pattern, for messages */
    const char *expected;           /**< x-acr-expected, or NULL */
} acr_string_rules;

/** Integer bounds. For ACR_KIND_UINT64 the bounds are read from umin/umax. */
typedef struct acr_int_rules {
    uint8_t has_min, has_max;
    int64_t min, max;
    uint64_t umin, umax;
    const int64_t *allowed;         /**< enum values, NULL: any */
    size_t allowed_count;
    const char *allowed_text;       /**< "1, 2, 3, 5, 6, 7, 8 or 11" */
} acr_int_rules;

/** Number bounds (inclusive). */
typedef struct acr_number_rules {
    uint8_t has_min, has_max;
    double min, max;
} acr_number_rules;

typedef struct acr_array_rules {
    size_t min_items;
    size_t max_items;               /**< SIZE_MAX: no maximum */
    /** x-acr-max-prefix-length: sum of item lengths + one separator per item must
     * not exceed this; 0 = no such rule. */
    size_t max_prefix_length;
} acr_array_rules;

typedef struct acr_enum_desc {
    const char *const *values;      /**< values[i] is stored as i + 1 */
    size_t count;
    const char *allowed_text;       /**< "kms or aes256" */
} acr_enum_desc;

struct acr_object_desc;

typedef struct acr_value_desc {
    acr_kind kind;
    uint8_t nullable;               /**< JSON null is accepted and means absent */
    const struct acr_object_desc *object;     /**< OBJECT */
    const struct acr_value_desc *items;       /**< ARRAY, STRING_OR_ARRAY */
    size_t item_size;                         /**< ARRAY, STRING_OR_ARRAY */
    const acr_enum_desc *enumeration;         /**< ENUM */
    const acr_string_rules *string_rules;     /**< STRING (and the string of STRING_OR_ARRAY) */
    const acr_int_rules *int_rules;           /**< INT, UINT64 */
    const acr_number_rules *number_rules;     /**< NUMBER */
    const acr_array_rules *array_rules;       /**< ARRAY */
    const char *type_text;          /**< "a string", "an integer or null", ... */
} acr_value_desc;

/** The presence offset of a required object member: it is part of its parent
 * struct and never absent, so it has no has_ flag. */
#define ACR_ALWAYS_PRESENT ((size_t)-1)

typedef struct acr_field_desc {
    const char *json_name;
    size_t json_name_length;
    const acr_value_desc *value;
    size_t offset;
    size_t presence;                /**< see acr_kind */
    size_t count_offset;            /**< STRING_OR_ARRAY only */
    uint8_t required;               /**< must be present (and not null) */
    uint32_t modes;                 /**< bit i set: allowed in mode i + 1; 0: every mode */
    const char *modes_text;         /**< "individual or mix" */
    /** x-acr-secret (strings only): the value is a credential; the client
     * redacts it from every error text and log line of the call sending it. */
    uint8_t secret;
} acr_field_desc;

/** A rule between properties of one object, from the schema's allOf/not/if/then,
 * dependentRequired and x-acr- rule extensions. */
typedef enum acr_rule_kind {
    /** `fields` must not all be present (not + required). */
    ACR_RULE_EXCLUSIVE = 1,
    /** When the condition holds, every effect applies (if/then). */
    ACR_RULE_CONDITIONAL,
    /** fields[0] present: every other field must be present (dependentRequired);
     * the violation is at the missing field. */
    ACR_RULE_DEPENDENT,
    /** The product of the integer fields must be <= `maximum`; an absent field
     * counts as its default (`values`, where `has_value` says there is one),
     * else the rule is skipped (x-acr-max-product). Reported at the object. */
    ACR_RULE_MAX_PRODUCT
} acr_rule_kind;

/** What an ACR_RULE_CONDITIONAL tests. */
typedef enum acr_condition_kind {
    /** The tested field present and its value in `values` (integers) or
     * `texts` (strings, enums); with `negate`, not in them. An absent field
     * makes the condition false, unless `has_default`: then its default is
     * tested. */
    ACR_IF_VALUE = 1,
    /** The tested field is present (with `negate`: absent). */
    ACR_IF_PRESENT,
    /** The call's mode is in `modes`; never holds when the mode is unknown. */
    ACR_IF_MODE,
    /** The tested array contains texts[0] (string or enum items) or values[0]. */
    ACR_IF_CONTAINS
} acr_condition_kind;

typedef enum acr_effect_kind {
    ACR_EFFECT_REQUIRED = 1,        /**< the property must be present */
    ACR_EFFECT_FORBIDDEN,           /**< the property must be absent */
    ACR_EFFECT_ONE_OF,              /**< when present, its value must be in `allowed` or `texts` */
    ACR_EFFECT_STRING,              /**< when present, the string must meet `string_rules` */
    ACR_EFFECT_CONTAINS,            /**< when present, the array must contain texts[0] or allowed[0] */
    /** when present, each sibling named in `texts` must be present too
     * (dependentRequired in a then); reported at each missing sibling */
    ACR_EFFECT_DEPENDENT
} acr_effect_kind;

typedef struct acr_effect {
    acr_effect_kind kind;
    /** Field indices from the rule's object down to the property (nested objects). */
    const uint16_t *path;
    size_t path_length;
    const int64_t *allowed;
    size_t allowed_count;
    const char *const *texts;
    size_t text_count;
    const acr_string_rules *string_rules;
    const char *message;            /**< rendered by the generator */
} acr_effect;

typedef struct acr_rule {
    acr_rule_kind kind;
    acr_condition_kind condition;   /**< CONDITIONAL only */
    /** EXCLUSIVE, DEPENDENT, MAX_PRODUCT: the fields. CONDITIONAL: the path to
     * the tested field (the objects on the way, then the field; one index for
     * a field of this object); the condition never holds while an object on
     * the way is absent. */
    const uint16_t *fields;
    size_t field_count;
    const int64_t *values;          /**< tested integers; MAX_PRODUCT: each field's default */
    size_t value_count;
    const char *const *texts;       /**< tested strings */
    size_t text_count;
    uint8_t negate;
    /** ACR_IF_VALUE: an absent field is tested as its default
     * (x-acr-absent-means-default): default_value or default_text. */
    uint8_t has_default;
    int64_t default_value;
    const char *default_text;
    uint32_t modes;                 /**< ACR_IF_MODE: bit i set = mode i + 1 */
    const uint8_t *has_value;       /**< MAX_PRODUCT: values[i] is a default */
    int64_t maximum;                /**< MAX_PRODUCT */
    const acr_effect *effects;
    size_t effect_count;
    const char *message;            /**< EXCLUSIVE, MAX_PRODUCT (rendered by the generator) */
} acr_rule;

typedef struct acr_object_desc {
    const char *name;               /**< schema component name */
    size_t size;                    /**< sizeof the C struct */
    const acr_field_desc *fields;
    size_t field_count;             /**< at most 64 */
    const acr_rule *rules;
    size_t rule_count;
    /** Unknown properties are violations (additionalProperties: false). */
    uint8_t strict;
} acr_object_desc;

/** A top-level document type: a request body or a response body. Parsing a request
 * collects type errors as violations and goes on; parsing a response stops at the
 * first one (the service broke its contract). */
typedef struct acr_type_desc {
    const acr_object_desc *object;
    uint8_t is_request;
    /** The values of the `mode` path parameter, for messages (mode i is
     * mode_names[i - 1]); NULL when the schema has no modes. */
    const char *const *mode_names;
    size_t mode_count;
} acr_type_desc;

/** One endpoint of the service (an OpenAPI operation). */
typedef struct acr_operation_desc {
    const char *operation_id;       /**< "update" */
    const char *cli_name;           /**< kebab-case: "update-layout" */
    const char *method;             /**< "POST" or "GET" */
    /** The path with {name} placeholders, in the order of `params`. */
    const char *path_template;
    const char *const *params;      /**< path parameter names */
    size_t param_count;
    int client_param;               /**< index of the parameter the client supplies (app ID), or -1 */
    int mode_param;                 /**< index of the `mode` parameter, or -1 */
    /** The modes this operation accepts (bit i = mode i + 1); 0: every mode.
     * Another mode is ACR_ERR_USAGE before anything is sent. */
    uint32_t mode_allowed;
    /** x-acr-one-at-a-time: indices of the parameters that identify the resource
     * whose calls must not overlap; count 0 when calls may overlap. */
    const uint16_t *exclusive_params;
    size_t exclusive_param_count;
    long timeout_ms;                /**< x-acr-timeout-ms: the default whole-call timeout */
    /** x-acr-done-when-retried: answers that, after a retry of an attempt that may
     * have reached the service, mean the work is already done (status, and the
     * service code or -1 for any). */
    const int *done_statuses;
    const long long *done_codes;
    size_t done_count;
    /** x-acr-retry-on: answers retried with back-off and failover (status, and
     * the service code or -1 for any). Connection failures before anything was
     * sent are always retried. */
    const int *retry_statuses;
    const long long *retry_codes;
    size_t retry_count;
    const acr_type_desc *request;   /**< NULL: no request body (nothing sent, no Content-Type) */
    const acr_type_desc *response;
    const acr_type_desc *error;     /**< the `default` response body, or NULL */
    /** The acr option of each path parameter, in the order of `params`
     * ("--resource-id"): named after the C member it fills. */
    const char *const *param_flags;
} acr_operation_desc;

#ifdef __cplusplus
}
#endif

#endif
