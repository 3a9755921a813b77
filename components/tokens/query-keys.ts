// The one query-key factory of the API tokens feature.
export const tokenKeys = {
  all: ["api-tokens"] as const,
  list: () => [...tokenKeys.all, "list"] as const,
};
