--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: experiment_tags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.experiment_tags (
    experiment_id bigint NOT NULL,
    key character varying(250) NOT NULL,
    value text
);


--
-- Name: experiments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.experiments (
    experiment_id bigint NOT NULL,
    name character varying(500) NOT NULL,
    artifact_location text,
    lifecycle_stage character varying(32) NOT NULL,
    creation_time bigint NOT NULL,
    last_update_time bigint NOT NULL
);


--
-- Name: latest_metrics; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.latest_metrics (
    run_uuid character varying(32) NOT NULL,
    key character varying(250) NOT NULL,
    value double precision NOT NULL,
    is_nan integer NOT NULL,
    "timestamp" bigint NOT NULL,
    step bigint NOT NULL
);


--
-- Name: metrics; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.metrics (
    run_uuid character varying(32) NOT NULL,
    key character varying(250) NOT NULL,
    value double precision NOT NULL,
    is_nan integer NOT NULL,
    "timestamp" bigint NOT NULL,
    step bigint NOT NULL
);


--
-- Name: model_version_tags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.model_version_tags (
    name character varying(767) NOT NULL,
    version bigint NOT NULL,
    key character varying(250) NOT NULL,
    value text
);


--
-- Name: model_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.model_versions (
    name character varying(767) NOT NULL,
    version bigint NOT NULL,
    creation_time bigint NOT NULL,
    last_updated_time bigint NOT NULL,
    description text,
    user_id character varying(256),
    current_stage character varying(20) NOT NULL,
    source text,
    run_id character varying(32),
    run_link text,
    status character varying(20) NOT NULL,
    storage_location text
);


--
-- Name: params; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.params (
    run_uuid character varying(32) NOT NULL,
    key character varying(250) NOT NULL,
    value text NOT NULL
);


--
-- Name: registered_model_aliases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.registered_model_aliases (
    name character varying(767) NOT NULL,
    alias character varying(255) NOT NULL,
    version bigint NOT NULL
);


--
-- Name: registered_model_tags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.registered_model_tags (
    name character varying(767) NOT NULL,
    key character varying(250) NOT NULL,
    value text
);


--
-- Name: registered_models; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.registered_models (
    name character varying(767) NOT NULL,
    creation_time bigint NOT NULL,
    last_updated_time bigint NOT NULL,
    description text,
    user_id character varying(256),
    max_version bigint NOT NULL
);


--
-- Name: runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.runs (
    run_uuid character varying(32) NOT NULL,
    name character varying(250),
    experiment_id bigint NOT NULL,
    user_id character varying(256),
    status character varying(20) NOT NULL,
    start_time bigint NOT NULL,
    end_time bigint,
    lifecycle_stage character varying(20) NOT NULL,
    artifact_uri text,
    deleted_time bigint
);


--
-- Name: schema_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_version (
    component character varying(64) NOT NULL,
    version integer NOT NULL,
    description text NOT NULL,
    applied_at bigint NOT NULL
);


--
-- Name: tags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tags (
    run_uuid character varying(32) NOT NULL,
    key character varying(250) NOT NULL,
    value text
);


--
-- Name: uc_grants; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.uc_grants (
    seq bigint NOT NULL,
    securable_type character varying(20) NOT NULL,
    full_name character varying(767) NOT NULL,
    principal character varying(256) NOT NULL,
    privilege character varying(32) NOT NULL
);


--
-- Name: uc_grants_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.uc_grants_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: uc_grants_seq_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.uc_grants_seq_seq OWNED BY public.uc_grants.seq;


--
-- Name: uc_securables; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.uc_securables (
    securable_type character varying(20) NOT NULL,
    full_name character varying(767) NOT NULL,
    owner character varying(256) NOT NULL
);


--
-- Name: uc_grants seq; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.uc_grants ALTER COLUMN seq SET DEFAULT nextval('public.uc_grants_seq_seq'::regclass);


--
-- Data for Name: experiment_tags; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.experiment_tags VALUES (1, 'team', 'churn');


--
-- Data for Name: experiments; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.experiments VALUES (0, 'Default', 'mlflow-artifacts:/0', 'active', 1796302476578, 1796302476578);
INSERT INTO public.experiments VALUES (1, 'upgrade', 'mlflow-artifacts:/1', 'active', 1796302480609, 1796302480609);


--
-- Data for Name: latest_metrics; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.latest_metrics VALUES ('0e0e092c21f74e8fb1fee97605eb4ec8', 'rmse', 0.25, 0, 1700000000002, 2);


--
-- Data for Name: metrics; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.metrics VALUES ('0e0e092c21f74e8fb1fee97605eb4ec8', 'rmse', 0.5, 0, 1700000000000, 0);
INSERT INTO public.metrics VALUES ('0e0e092c21f74e8fb1fee97605eb4ec8', 'rmse', 0, 1, 1700000000001, 1);
INSERT INTO public.metrics VALUES ('0e0e092c21f74e8fb1fee97605eb4ec8', 'rmse', 0.25, 0, 1700000000002, 2);


--
-- Data for Name: model_version_tags; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.model_version_tags VALUES ('main.ml.churn', 1, 'validated', 'yes');


--
-- Data for Name: model_versions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.model_versions VALUES ('main.ml.churn', 1, 1796302485607, 1796302485607, NULL, 'alice', 'None', 'file:///tmp/registry-test10032812336722310758/models/churn/', NULL, NULL, 'READY', '/tmp/registry-test10032812336722310758/models/churn');


--
-- Data for Name: params; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.params VALUES ('0e0e092c21f74e8fb1fee97605eb4ec8', 'model', 'gbt');
INSERT INTO public.params VALUES ('0e0e092c21f74e8fb1fee97605eb4ec8', 'max_depth', '5');


--
-- Data for Name: registered_model_aliases; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.registered_model_aliases VALUES ('main.ml.churn', 'champion', 1);


--
-- Data for Name: registered_model_tags; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: registered_models; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.registered_models VALUES ('main.ml.churn', 1796302484260, 1796302485601, 'churn model', 'alice', 1);


--
-- Data for Name: runs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.runs VALUES ('0e0e092c21f74e8fb1fee97605eb4ec8', 'before-upgrade', 1, 'root', 'FINISHED', 1796302481359, 1796302481968, 'active', 'mlflow-artifacts:/1/0e0e092c21f74e8fb1fee97605eb4ec8/artifacts', NULL);


--
-- Data for Name: schema_version; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.schema_version VALUES ('registry', 1, 'registered models, versions, aliases, tags, UC securables and grants', 1796302476130);
INSERT INTO public.schema_version VALUES ('tracking', 1, 'experiments, runs, params, tags, metrics', 1796302476501);


--
-- Data for Name: tags; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.tags VALUES ('0e0e092c21f74e8fb1fee97605eb4ec8', 'mlflow.runName', 'before-upgrade');


--
-- Data for Name: uc_grants; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.uc_grants VALUES (1, 'CATALOG', 'main', 'ml-team', 'USE_CATALOG');
INSERT INTO public.uc_grants VALUES (2, 'SCHEMA', 'main.ml', 'ml-team', 'USE_SCHEMA');
INSERT INTO public.uc_grants VALUES (3, 'SCHEMA', 'main.ml', 'ml-team', 'CREATE_MODEL');


--
-- Data for Name: uc_securables; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.uc_securables VALUES ('CATALOG', 'main', 'admin');
INSERT INTO public.uc_securables VALUES ('SCHEMA', 'main.ml', 'admin');
INSERT INTO public.uc_securables VALUES ('FUNCTION', 'main.ml.churn', 'alice');


--
-- Name: uc_grants_seq_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.uc_grants_seq_seq', 3, true);


--
-- Name: experiment_tags experiment_tags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.experiment_tags
    ADD CONSTRAINT experiment_tags_pkey PRIMARY KEY (experiment_id, key);


--
-- Name: experiments experiments_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.experiments
    ADD CONSTRAINT experiments_name_key UNIQUE (name);


--
-- Name: experiments experiments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.experiments
    ADD CONSTRAINT experiments_pkey PRIMARY KEY (experiment_id);


--
-- Name: latest_metrics latest_metrics_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.latest_metrics
    ADD CONSTRAINT latest_metrics_pkey PRIMARY KEY (run_uuid, key);


--
-- Name: model_version_tags model_version_tags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_version_tags
    ADD CONSTRAINT model_version_tags_pkey PRIMARY KEY (name, version, key);


--
-- Name: model_versions model_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_versions
    ADD CONSTRAINT model_versions_pkey PRIMARY KEY (name, version);


--
-- Name: params params_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.params
    ADD CONSTRAINT params_pkey PRIMARY KEY (run_uuid, key);


--
-- Name: registered_model_aliases registered_model_aliases_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.registered_model_aliases
    ADD CONSTRAINT registered_model_aliases_pkey PRIMARY KEY (name, alias);


--
-- Name: registered_model_tags registered_model_tags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.registered_model_tags
    ADD CONSTRAINT registered_model_tags_pkey PRIMARY KEY (name, key);


--
-- Name: registered_models registered_models_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.registered_models
    ADD CONSTRAINT registered_models_pkey PRIMARY KEY (name);


--
-- Name: runs runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.runs
    ADD CONSTRAINT runs_pkey PRIMARY KEY (run_uuid);


--
-- Name: schema_version schema_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_version
    ADD CONSTRAINT schema_version_pkey PRIMARY KEY (component, version);


--
-- Name: tags tags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tags
    ADD CONSTRAINT tags_pkey PRIMARY KEY (run_uuid, key);


--
-- Name: uc_grants uc_grants_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.uc_grants
    ADD CONSTRAINT uc_grants_pkey PRIMARY KEY (seq);


--
-- Name: uc_grants uc_grants_securable_type_full_name_principal_privilege_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.uc_grants
    ADD CONSTRAINT uc_grants_securable_type_full_name_principal_privilege_key UNIQUE (securable_type, full_name, principal, privilege);


--
-- Name: uc_securables uc_securables_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.uc_securables
    ADD CONSTRAINT uc_securables_pkey PRIMARY KEY (securable_type, full_name);


--
-- Name: latest_metrics_by_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX latest_metrics_by_key ON public.latest_metrics USING btree (key, value);


--
-- Name: metrics_by_run_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX metrics_by_run_key ON public.metrics USING btree (run_uuid, key, step);


--
-- Name: params_by_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX params_by_key ON public.params USING btree (key, value);


--
-- Name: runs_by_experiment; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX runs_by_experiment ON public.runs USING btree (experiment_id, start_time);


--
-- Name: experiment_tags experiment_tags_experiment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.experiment_tags
    ADD CONSTRAINT experiment_tags_experiment_id_fkey FOREIGN KEY (experiment_id) REFERENCES public.experiments(experiment_id);


--
-- Name: latest_metrics latest_metrics_run_uuid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.latest_metrics
    ADD CONSTRAINT latest_metrics_run_uuid_fkey FOREIGN KEY (run_uuid) REFERENCES public.runs(run_uuid);


--
-- Name: metrics metrics_run_uuid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.metrics
    ADD CONSTRAINT metrics_run_uuid_fkey FOREIGN KEY (run_uuid) REFERENCES public.runs(run_uuid);


--
-- Name: params params_run_uuid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.params
    ADD CONSTRAINT params_run_uuid_fkey FOREIGN KEY (run_uuid) REFERENCES public.runs(run_uuid);


--
-- Name: runs runs_experiment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.runs
    ADD CONSTRAINT runs_experiment_id_fkey FOREIGN KEY (experiment_id) REFERENCES public.experiments(experiment_id);


--
-- Name: tags tags_run_uuid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tags
    ADD CONSTRAINT tags_run_uuid_fkey FOREIGN KEY (run_uuid) REFERENCES public.runs(run_uuid);


--
-- PostgreSQL database dump complete
--


