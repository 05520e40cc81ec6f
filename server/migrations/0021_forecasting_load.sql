-- Forecasting: the additive seasonal model for load targets (`load:<area>`,
-- `dataset-load:<id>`) joins the kinds a model version may be.
alter table fc_models drop constraint fc_models_kind_check;
alter table fc_models add constraint fc_models_kind_check
  check (kind in ('naive', 'lear', 'mlp', 'ensemble', 'seasonal'));
