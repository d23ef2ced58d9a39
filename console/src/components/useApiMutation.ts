import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useNotify } from '../app/flash';

/**
 * A mutation that ends in a flash: `success` (from the result) or an error titled `errorHeader` carrying the API
 * problem's detail. A success clears the earlier errors of the same action. Queries under `invalidate` reload
 * afterwards, so the page shows the new state.
 */
export function useApiMutation<TVars, TData>(opts: {
  mutationFn: (vars: TVars) => Promise<TData>;
  success?: (data: TData, vars: TVars) => ReactNode;
  errorHeader: string;
  invalidate?: QueryKey[];
  onSuccess?: (data: TData, vars: TVars) => void;
  onError?: (error: unknown) => void;
}) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: opts.mutationFn,
    onSuccess: async (data, vars) => {
      await Promise.all((opts.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      notify.clearErrors(opts.errorHeader);
      const text = opts.success?.(data, vars);
      if (text) notify.success(text);
      opts.onSuccess?.(data, vars);
    },
    onError: (error) => {
      notify.error(opts.errorHeader, error);
      opts.onError?.(error);
    },
  });
}
